// The street map (pilots/street_map.py). Without tiles the server's SVG is the map; this script
// only keeps it in step with the list: after an inline commitment edit (htmx swaps one row) the
// point takes the row's new colour, and clicking a point moves focus to its row. With tiles
// (WARMTENET_MAP_TILES) it draws the same features with Leaflet on PDOK's background map and
// hides the SVG. No inline scripts (strict CSP): the features come from a json_script element.
(function () {
  var markers = {};

  function recolour(row) {
    var pk = row.dataset.household, c = row.dataset.commitment;
    var point = document.getElementById("point-" + pk);
    if (point) point.setAttribute("class", "map-point map-point--" + c);
    var marker = markers[pk];
    if (marker && marker.getElement()) {
      marker.getElement().setAttribute("class", "leaflet-interactive map-point map-point--" + c);
    }
  }

  function focusRow(pk) {
    var row = document.getElementById("map-household-" + pk);
    if (!row) return;
    var target = row.querySelector("select") || row.querySelector("th");
    row.scrollIntoView({ block: "nearest" });
    if (target.tagName === "TH") target.setAttribute("tabindex", "-1");
    target.focus();
  }

  function leaflet() {
    var el = document.getElementById("leaflet-map");
    var data = document.getElementById("map-features");
    if (!el || !data || !window.L) return;
    var f = JSON.parse(data.textContent);
    el.hidden = false;
    var map = window.L.map(el, { preferCanvas: false });
    window.L.tileLayer(el.dataset.tiles, {
      maxZoom: 19, maxNativeZoom: 19, attribution: el.dataset.attribution
    }).addTo(map);
    f.ring.forEach(function (s) {
      window.L.polyline(s, { className: "map-ring-line", interactive: false }).addTo(map);
    });
    f.clusters.forEach(function (s) {
      window.L.polyline(s, { className: "map-cluster-line", interactive: false }).addTo(map);
    });
    var bounds = [];
    f.points.forEach(function (p) {
      var m = window.L.circleMarker(p.ll, {
        radius: 6, className: "map-point map-point--" + p.c
      }).bindTooltip(p.t).addTo(map);
      m.on("click", function () { focusRow(p.pk); });
      markers[p.pk] = m;
      bounds.push(p.ll);
    });
    map.fitBounds(bounds, { padding: [20, 20], maxZoom: 18 });
    var svg = document.getElementById("map-svg");
    if (svg) svg.classList.add("street-map__svg--replaced");
  }

  document.addEventListener("DOMContentLoaded", function () {
    leaflet();
    var svg = document.getElementById("map-svg");
    if (svg) svg.addEventListener("click", function (e) {
      var id = e.target.id || "";
      if (id.indexOf("point-") === 0) focusRow(id.slice(6));
    });
  });
  // After a row was swapped in, bring every point in line with its row (cheap, and independent
  // of which element htmx reports for an outerHTML swap).
  document.addEventListener("htmx:afterSettle", function () {
    document.querySelectorAll("#map-list tr[data-household]").forEach(recolour);
  });
})();
