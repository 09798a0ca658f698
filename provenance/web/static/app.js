// Clicking (or pressing Enter on) a marked claim shows its attribution in the side panel.
document.addEventListener("DOMContentLoaded", function () {
  var panel = document.getElementById("claims-panel");
  if (!panel) return;
  function show(id) {
    document.querySelectorAll(".active").forEach(function (el) { el.classList.remove("active"); });
    document.querySelectorAll("mark.claim").forEach(function (el) {
      if (el.getAttribute("data-claim-id") === id) el.classList.add("active");
    });
    var card = document.getElementById("c-" + id);
    if (card) { card.classList.add("active"); card.scrollIntoView({block: "nearest"}); }
  }
  document.querySelectorAll("mark.claim").forEach(function (el) {
    function pick(ev) { ev.stopPropagation(); show(el.getAttribute("data-claim-id")); }
    el.addEventListener("click", pick);
    el.addEventListener("keydown", function (ev) { if (ev.key === "Enter") pick(ev); });
  });
  if (location.hash.indexOf("#c-") === 0) show(decodeURIComponent(location.hash.slice(3)));
});
