// Draws the two-party Pareto frontier of the negotiation room; the data comes from the page itself.
(function () {
  var element = document.getElementById('frontier');
  if (!element || !window.echarts) return;
  var frontier = JSON.parse(element.getAttribute('data-frontier'));
  var points = frontier.points.map(function (p) { return [p.otherShare, p.utility, p.individuallyRational ? 'acceptable to both' : 'below a reservation']; });
  var series = [{
    name: 'efficient packages', type: 'scatter', symbolSize: 9,
    data: points, itemStyle: { color: '#2f6db5' }
  }];
  if (frontier.proposal) {
    series.push({ name: 'proposal', type: 'scatter', symbol: 'pin', symbolSize: 28,
      data: [[frontier.proposal.otherShare, frontier.proposal.utility]], itemStyle: { color: '#c0392b' } });
  }
  echarts.init(element).setOption({
    tooltip: { trigger: 'item', formatter: function (p) { return p.seriesName + '<br>' + frontier.party + ': ' + p.value[1]
        + '<br>' + frontier.other + ' (share of its range): ' + p.value[0]; } },
    legend: { top: 0 },
    xAxis: { name: frontier.other + ' (0–1 of its range)', min: 0, max: 1, nameLocation: 'middle', nameGap: 28 },
    yAxis: { name: frontier.party + ' utility (points)', scale: true },
    series: series
  });
})();
