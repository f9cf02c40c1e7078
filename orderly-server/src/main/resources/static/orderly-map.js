// Colours the world map by each state's participation in the instrument shown on the page.
(function () {
  var element = document.getElementById('map');
  if (!element || !window.echarts) return;
  Promise.all([fetch(element.dataset.geo).then(function (r) { return r.json(); }),
               fetch(element.dataset.src).then(function (r) { return r.json(); })])
    .then(function (loaded) {
      echarts.registerMap('world', loaded[0]);
      var chart = echarts.init(element);
      chart.setOption({
        tooltip: { trigger: 'item', formatter: function (p) {
          return p.data ? p.data.label + ': ' + p.data.status : p.name + ': no participation recorded'; } },
        visualMap: { type: 'piecewise', show: false, dimension: 0,
          pieces: [{ value: 3, color: '#1f6f50' }, { value: 2, color: '#8cc5a8' }, { value: 1, color: '#e3c77a' }] },
        series: [{ type: 'map', map: 'world', roam: true, nameProperty: 'name',
          itemStyle: { areaColor: '#e6e8eb', borderColor: '#fff' },
          emphasis: { label: { show: false }, itemStyle: { areaColor: '#2b4c7e' } },
          data: loaded[1] }]
      });
      element.dataset.ready = 'true';
      window.addEventListener('resize', function () { chart.resize(); });
    })
    .catch(function (e) { element.textContent = 'The map could not be drawn: ' + e; });
})();
