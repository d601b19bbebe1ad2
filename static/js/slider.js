// Shows a range input's value next to it while it moves (the form itself works without this).
document.addEventListener("input", function (e) {
  var el = e.target;
  if (el.type !== "range" || !el.getAttribute("aria-describedby")) return;
  var out = document.getElementById(el.getAttribute("aria-describedby"));
  if (out) out.textContent = el.value + "%";
});
