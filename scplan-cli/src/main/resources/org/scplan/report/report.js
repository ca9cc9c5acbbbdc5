(function () {
  'use strict';
  var data = JSON.parse(document.getElementById('report-data').textContent);
  var ccmd = document.getElementById('filter-ccmd');
  var partner = document.getElementById('filter-partner');
  var status = document.getElementById('filter-status');
  var SVG = 'http://www.w3.org/2000/svg';

  function shown(element) {
    return (!ccmd.value || element.getAttribute('data-ccmd') === ccmd.value) &&
      (!partner.value || element.getAttribute('data-partner') === partner.value);
  }

  function money(dollars) {
    if (dollars >= 1e6) {
      return '$' + (dollars / 1e6).toFixed(1) + 'M';
    }
    if (dollars <= 0) {
      return '$0';
    }
    return '$' + Math.round(dollars / 1e3) + 'K';
  }

  // An axis label: as many decimals as the round tick needs ($20M, $2.5M, $500K), none more.
  function tickMoney(dollars) {
    if (dollars <= 0) {
      return '$0';
    }
    if (dollars >= 1e6) {
      return '$' + String(Math.round(dollars / 1e5) / 10) + 'M';
    }
    return '$' + String(Math.round(dollars / 1e2) / 10) + 'K';
  }

  // The smallest round step (1, 2, 2.5 or 5 times a power of ten) that covers largest in 4 ticks.
  function tickStep(largest) {
    var raw = largest / 4;
    var power = Math.pow(10, Math.floor(Math.log10(raw)));
    var steps = [1, 2, 2.5, 5, 10];
    for (var i = 0; i < steps.length; i++) {
      if (steps[i] * power >= raw) {
        return steps[i] * power;
      }
    }
    return 10 * power;
  }

  function node(name, attributes, text) {
    var element = document.createElementNS(SVG, name);
    Object.keys(attributes).forEach(function (key) {
      element.setAttribute(key, attributes[key]);
    });
    if (text !== undefined) {
      element.textContent = text;
    }
    return element;
  }

  function drawFunding() {
    var years = data.years;
    var programs = data.programs;
    var sums = years.map(function () { return programs.map(function () { return 0; }); });
    data.obligations.forEach(function (o) {
      var p = data.partners[o[0]];
      if ((!ccmd.value || p.ccmd === ccmd.value) && (!partner.value || p.id === partner.value)) {
        sums[o[2]][o[1]] += o[3];
      }
    });
    var totals = sums.map(function (row) { return row.reduce(function (a, b) { return a + b; }, 0); });
    var step = tickStep(Math.max.apply(null, totals.concat([1e5])));
    var ticks = Math.ceil(Math.max.apply(null, totals.concat([1])) / step);
    var largest = step * ticks;
    var width = 640, height = 300, left = 60, top = 20, bottom = 30;
    var plot = height - top - bottom;
    var slot = (width - left) / years.length;
    var svg = node('svg', {viewBox: '0 0 ' + width + ' ' + height, width: width, height: height,
      role: 'img', 'aria-label': 'Obligations by program and fiscal year'});
    for (var t = 0; t <= ticks; t++) {
      var y = top + plot - plot * t / ticks;
      svg.appendChild(node('line', {x1: left, x2: width, y1: y, y2: y, 'class': 'axis'}));
      svg.appendChild(node('text', {x: left - 6, y: y + 4, 'text-anchor': 'end', 'class': 'tick'},
        tickMoney(step * t)));
    }
    years.forEach(function (year, i) {
      var x = left + i * slot + slot * 0.2;
      var base = top + plot;
      programs.forEach(function (program, j) {
        var amount = sums[i][j];
        if (amount <= 0) {
          return;
        }
        var h = plot * amount / largest;
        base -= h;
        var bar = node('rect', {x: x, y: base, width: slot * 0.6, height: h, fill: program.colour,
          'class': 'segment', 'data-program': program.id, 'data-year': year});
        bar.appendChild(node('title', {}, program.name + ', FY' + year + ': ' + money(amount)));
        svg.appendChild(bar);
      });
      svg.appendChild(node('text', {x: x + slot * 0.3, y: base - 4, 'text-anchor': 'middle', 'class': 'total'},
        money(totals[i])));
      svg.appendChild(node('text', {x: x + slot * 0.3, y: height - 10, 'text-anchor': 'middle'}, 'FY' + year));
    });
    var chart = document.getElementById('funding-chart');
    chart.replaceChildren(svg);
    chart.setAttribute('data-total', String(totals.reduce(function (a, b) { return a + b; }, 0)));
  }

  function apply() {
    Array.prototype.forEach.call(partner.options, function (option) {
      if (option.value) {
        option.hidden = Boolean(ccmd.value) && option.getAttribute('data-ccmd') !== ccmd.value;
      }
    });
    if (partner.selectedIndex > 0 && partner.options[partner.selectedIndex].hidden) {
      partner.value = '';
    }
    var partners = 0, activities = 0;
    document.querySelectorAll('main [data-partner]').forEach(function (element) {
      element.hidden = !shown(element);
      if (!element.hidden && element.classList.contains('g-partner')) {
        partners++;
      }
      if (!element.hidden && element.classList.contains('g-option')) {
        activities++;
      }
    });
    status.textContent = partners + (partners === 1 ? ' partner, ' : ' partners, ') +
      activities + (activities === 1 ? ' funded activity' : ' funded activities');
    drawFunding();
  }

  document.querySelectorAll('tr.g-partner button.toggle').forEach(function (button) {
    button.addEventListener('click', function () {
      var group = button.closest('tbody');
      var collapsed = group.classList.toggle('collapsed');
      button.setAttribute('aria-expanded', String(!collapsed));
    });
  });

  ccmd.addEventListener('change', apply);
  partner.addEventListener('change', apply);
  document.getElementById('filter-reset').addEventListener('click', function () {
    ccmd.value = '';
    partner.value = '';
    apply();
  });
  apply();
}());
