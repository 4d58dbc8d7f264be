// String templates: render a template 20,000 times with named values (twin of template.du).
const count = 20000;
const card = ({ name, id, active }) => `<div class="user">${name} (#${id}) - ${active ? "active" : "inactive"}</div>`;
const t0 = performance.now();
let html = "";
for (let i = 1; i <= count; i++) {
  html = card({ name: "user-" + i, id: i, active: i % 2 === 0 });
}
const ms = performance.now() - t0;
console.log(`template x${count} in ${ms}ms: ${html}`);
