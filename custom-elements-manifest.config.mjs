// Configuration of the Custom Elements Manifest analyzer (`cem analyze --litelement`, run by scripts/build.mjs and
// .storybook/main.ts). The elements declare their reactive properties in Lit's static form (`static properties`, no
// decorator code to ship). The analyzer's Lit plugin takes every entry there for an attribute unless it says
// `attribute: false`; Lit's internal state (`{ state: true }`) has no attribute, so this plugin removes those.
const stateByClass = new Map();

function litStatePlugin() {
  return {
    name: 'disclosure-elements:lit-state',
    analyzePhase({ ts, node }) {
      if (node.kind !== ts.SyntaxKind.ClassDeclaration || !node.name) return;
      for (const member of node.members ?? []) {
        const isStatic = member.modifiers?.some((m) => m.kind === ts.SyntaxKind.StaticKeyword);
        if (!isStatic || member.name?.getText() !== 'properties' || !member.initializer) continue;
        const object = member.initializer;
        if (!ts.isObjectLiteralExpression(object)) continue;
        const states = new Set();
        for (const p of object.properties) {
          if (!ts.isPropertyAssignment(p) || !ts.isObjectLiteralExpression(p.initializer)) continue;
          const isState = p.initializer.properties.some((q) => ts.isPropertyAssignment(q) && q.name.getText() === 'state'
            && q.initializer.kind === ts.SyntaxKind.TrueKeyword);
          if (isState) states.add(p.name.getText());
        }
        stateByClass.set(node.name.getText(), states);
      }
    },
    packageLinkPhase({ customElementsManifest }) {
      for (const mod of customElementsManifest.modules ?? []) {
        for (const decl of mod.declarations ?? []) {
          const own = stateByClass.get(decl.name) ?? new Set();
          // Inherited attributes carry the class they come from.
          decl.attributes = decl.attributes?.filter((a) => {
            const from = a.inheritedFrom?.name;
            const states = from ? stateByClass.get(from) ?? new Set() : own;
            return !states.has(a.fieldName ?? a.name);
          });
          for (const m of decl.members ?? []) {
            const from = m.inheritedFrom?.name;
            const states = from ? stateByClass.get(from) ?? new Set() : own;
            if (states.has(m.name)) delete m.attribute;
          }
        }
      }
    },
  };
}

export default {
  plugins: [litStatePlugin()],
};
