// Draws the world map of a page: an instrument's participation, a passport's requirements or an indicator's values.
// States are told apart by pattern as well as colour; the wheel zooms only after a click on the map;
// zoom and reset buttons sit above it; a regional instrument is drawn at its region's scale; parties
// without a shape in the geometry (small states) are listed beside the map.
(function () {
  'use strict';
  var element = document.getElementById('map');
  if (!element || !window.echarts) return;

  var stripes = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [2, 3], rotation: -Math.PI / 4, color: 'rgba(255,255,255,0.75)' };
  var dots = { symbol: 'circle', symbolSize: 0.6, dashArrayX: [[2, 4]], dashArrayY: [2, 4], color: 'rgba(255,255,255,0.85)' };
  var cross = { symbol: 'rect', dashArrayX: [1, 0], dashArrayY: [1, 3], rotation: Math.PI / 4, color: 'rgba(255,255,255,0.6)' };

  // Status or category → fill and pattern. The same colours and patterns as the legend swatches in orderly.css.
  var styles = {
    participation: function (entry) {
      var rank = entry.value ? entry.value[0] : 0;
      if (rank === 3) return { areaColor: '#1f5f46' };
      if (rank === 2) return { areaColor: '#4f8f71', decal: stripes };
      if (rank === 1) return { areaColor: '#9a6b00', decal: dots };
      return null;
    },
    passport: function (entry) {
      switch (entry.category) {
        case 'own_country': return { areaColor: '#2b4c7e' };
        case 'free_movement': case 'visa_free': return { areaColor: '#1f5f46' };
        case 'visa_on_arrival': case 'e_visa': case 'electronic_travel_authorisation': return { areaColor: '#9a6b00', decal: dots };
        case 'visa_required': return { areaColor: '#a23b3b', decal: stripes };
        case 'no_admission': return { areaColor: '#3a3f47', decal: cross };
        case 'covid_entry_ban': return { areaColor: '#6b4a7a', decal: cross };
        default: return null;
      }
    },
    // An indicator's band (0 = lowest values), as the legend on the indicator page lists them.
    indicator: function (entry) {
      switch (entry.band) {
        case 0: return { areaColor: '#9cc3e0' };
        case 1: return { areaColor: '#5b93c4', decal: dots };
        case 2: return { areaColor: '#2f6496', decal: stripes };
        case 3: return { areaColor: '#163a5f', decal: cross };
        default: return null;
      }
    }
  };
  var kind = element.dataset.kind || 'participation';

  function tooltip(p) {
    var d = p.data;
    if (!d) return p.name + ': ' + (kind === 'passport' ? 'no answer' : kind === 'indicator' ? 'no value' : 'no participation recorded');
    if (kind === 'indicator') return d.label + ': ' + d.shown;
    return kind === 'passport' ? d.label + ': ' + d.need + ' (' + d.basis + ')' : d.label + ': ' + d.status;
  }

  // The bounding box [west, south, east, north] of the named features' largest polygons (the main territory,
  // so that an overseas department does not stretch a European region across the Atlantic).
  function bounds(geo, names) {
    var box = null;
    geo.features.forEach(function (f) {
      if (!names[f.properties.name] || !f.geometry) return;
      var polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      var main = null, mainArea = -1;
      polygons.forEach(function (polygon) {
        var ring = polygon[0] || [], b = null;
        ring.forEach(function (c) {
          if (!b) b = [c[0], c[1], c[0], c[1]];
          b[0] = Math.min(b[0], c[0]); b[1] = Math.min(b[1], c[1]); b[2] = Math.max(b[2], c[0]); b[3] = Math.max(b[3], c[1]);
        });
        var area = b ? (b[2] - b[0]) * (b[3] - b[1]) : -1;
        if (area > mainArea) { mainArea = area; main = b; }
      });
      if (!main) return;
      if (!box) box = main.slice();
      box[0] = Math.min(box[0], main[0]); box[1] = Math.min(box[1], main[1]);
      box[2] = Math.max(box[2], main[2]); box[3] = Math.max(box[3], main[3]);
    });
    return box;
  }

  function listSmallStates(url) {
    var list = document.getElementById('small-states');
    if (!list || !url) return;
    fetch(url).then(function (r) { return r.json(); }).then(function (rows) {
      list.textContent = '';
      if (!rows.length) {
        var none = document.createElement('li');
        none.className = 'muted';
        none.textContent = 'None: every party has a shape on the map.';
        list.appendChild(none);
      }
      rows.forEach(function (row) {
        var item = document.createElement('li');
        var link = document.createElement('a');
        link.href = '/parties/' + encodeURIComponent(row.code);
        link.textContent = row.name;
        item.appendChild(link);
        item.appendChild(document.createTextNode(' — ' + row.status));
        list.appendChild(item);
      });
    }).catch(function () { list.textContent = 'The list could not be loaded.'; });
  }

  Promise.all([fetch(element.dataset.geo).then(function (r) { return r.json(); }),
               fetch(element.dataset.src).then(function (r) { return r.json(); })])
    .then(function (loaded) {
      var geo = loaded[0];
      var style = styles[kind];
      var named = {};
      var data = loaded[1].filter(function (e) { return e.name; }).map(function (e) {
        var s = style(e);
        if (s) { e.itemStyle = s; named[e.name] = true; }
        return e;
      });
      echarts.registerMap('world', geo);
      var chart = echarts.init(element);
      var home = { zoom: 1, center: null };
      if (element.dataset.scale === 'region') {
        var box = bounds(geo, named);
        if (box) {
          var width = Math.max(box[2] - box[0], 8), height = Math.max(box[3] - box[1], 6);
          home.center = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
          home.zoom = Math.max(1, Math.min(8, 0.85 * Math.min(360 / width, 150 / height)));
        }
      }
      chart.setOption({
        aria: { enabled: true, decal: { show: false } },
        tooltip: { trigger: 'item', formatter: tooltip },
        series: [{ type: 'map', map: 'world', roam: false, nameProperty: 'name', zoom: home.zoom, center: home.center,
          scaleLimit: { min: 1, max: 20 },
          itemStyle: { areaColor: '#e6e8eb', borderColor: '#ffffff', borderWidth: 0.6 },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#2b4c7e' } },
          select: { disabled: true },
          data: data }]
      });

      var zoom = home.zoom, center = home.center;
      chart.on('georoam', function () {
        var series = chart.getOption().series[0];
        zoom = series.zoom; center = series.center;
      });
      function view(z, c) {
        zoom = Math.max(1, Math.min(20, z));
        center = c;
        chart.setOption({ series: [{ zoom: zoom, center: center }] });
      }
      // The wheel zooms only once the reader has clicked the map, so that scrolling the page never traps in it. On a
      // phone a tap never does: a swipe after a tap would move the map instead of the page. There the map moves only in
      // an explicit exploring mode, switched on and off by its button.
      var hint = document.getElementById('map-hint');
      var explore = document.querySelector('[data-map=explore]');
      var touch = window.matchMedia && window.matchMedia('(max-width: 700px), (pointer: coarse)').matches;
      function roam(on) {
        chart.setOption({ series: [{ roam: on }] });
        if (on) element.dataset.roam = 'true'; else delete element.dataset.roam;
        if (explore) {
          explore.setAttribute('aria-pressed', on ? 'true' : 'false');
          explore.textContent = on ? 'Stop exploring' : 'Explore map';
        }
      }
      if (touch) {
        if (explore) explore.hidden = false;
        if (hint) hint.textContent = 'The page scrolls past the map; press Explore map to move and zoom it with your fingers.';
        if (explore) explore.addEventListener('click', function () {
          var on = element.dataset.roam !== 'true';
          roam(on);
          if (hint) hint.textContent = on ? 'Drag to move the map, pinch to zoom; press Stop exploring to scroll the page again.'
            : 'The page scrolls past the map; press Explore map to move and zoom it with your fingers.';
        });
      } else {
        chart.getZr().on('click', function () {
          roam(true);
          if (hint) hint.textContent = 'The mouse wheel now zooms the map; drag to move it.';
        });
      }
      document.querySelectorAll('[data-map]:not([data-map=explore])').forEach(function (button) {
        button.addEventListener('click', function () {
          var action = button.dataset.map;
          if (action === 'in') view(zoom * 1.6, center);
          else if (action === 'out') view(zoom / 1.6, center);
          else view(home.zoom, home.center);
        });
      });
      listSmallStates(element.dataset.small);
      element.dataset.ready = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    })
    .catch(function (e) { element.textContent = 'The map could not be drawn: ' + e + '. The table below lists the same facts.'; });
})();
