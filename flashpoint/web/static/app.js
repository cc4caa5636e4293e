// flashpoint web page: a map of events, a weekly timeline, filters and an
// evidence panel. Talks only to this server's REST API (same origin).
"use strict";

const TYPE_COLOURS = {
  "Battles": "#d62728",
  "Explosions/Remote violence": "#ff7f0e",
  "Violence against civilians": "#9467bd",
  "Protests": "#2ca02c",
  "Riots": "#8c564b",
  "Strategic developments": "#1f77b4",
};
const OTHER_COLOUR = "#7f7f7f";
// ACLED's sub-event types (the API's `type` filter takes these too).
const SUB_EVENT_TYPES = [
  "Armed clash", "Government regains territory", "Non-state actor overtakes territory",
  "Air/drone strike", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Suicide bomb",
  "Grenade", "Chemical weapon", "Attack", "Abduction/forced disappearance", "Sexual violence",
  "Peaceful protest", "Protest with intervention", "Excessive force against protesters",
  "Violent demonstration", "Mob violence", "Agreement", "Arrests", "Change to group/activity",
  "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction",
  "Non-violent transfer of territory", "Other",
];
const NARROW = 800;  // px: below this the page is one scrolling column
const LIST_PAGE = 100;  // events listed per page ("Show more" asks the server for the next)
const MAX_DOWNLOAD = 100000;  // the API's page limit for csv/geojson

const map = L.map("map", { worldCopyJump: true, minZoom: 2 }).setView([20, 20], 2);
const leaders = L.layerGroup().addTo(map);  // lines from fanned-out markers to their places
const markers = L.featureGroup().addTo(map);
const clusters = L.layerGroup().addTo(map);  // grid cells when the view holds too many events to draw
let markerById = new Map();
let selectedId = null;
let viewSeq = 0;  // the newest view request; older answers are dropped
let suppressMove = false;  // a fit done by refresh() loads its own view
let listMore = null;  // { params, offset } of the list's next page, or null

function colour(type) { return TYPE_COLOURS[type] || OTHER_COLOUR; }
function radius(event) {
  const dead = event.fatalities || 0;
  // Smaller at world zoom, where neighbouring countries' markers would cover each other.
  const scale = map.getZoom() <= 3 ? 0.55 : map.getZoom() <= 5 ? 0.8 : 1;
  return Math.max(3, scale * Math.min(30, 5 + 2.5 * Math.sqrt(dead)));
}

function el(tag, attrs, ...children) {
  // Build DOM with text nodes only: article text is never parsed as HTML.
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v !== null && v !== undefined) node.setAttribute(k, v);
  }
  for (const child of children) {
    if (child === null || child === undefined) continue;
    node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

async function getJSON(path) {
  const response = await fetch(path, { headers: { Accept: "application/json" } });
  if (!response.ok) {
    let detail = response.statusText;
    try { detail = JSON.stringify((await response.json()).detail); } catch (e) { /* not JSON */ }
    throw new Error(`${path}: ${response.status} ${detail}`);
  }
  return response.json();
}

function filterParams() {
  const form = document.getElementById("filters");
  const params = new URLSearchParams();
  for (const [name, value] of new FormData(form).entries()) {
    if (String(value).trim()) params.set(name, String(value).trim());
  }
  return params;
}

// ---- basemap ---------------------------------------------------------------

async function loadBasemap() {
  const tileUrl = document.querySelector('meta[name="flashpoint-tile-url"]').content;
  if (tileUrl) {
    L.tileLayer(tileUrl, { maxZoom: 18, attribution: "tiles: configured tile server" }).addTo(map);
  }
  try {
    const borders = await getJSON("/borders.geojson");
    map.createPane("basemap").style.zIndex = 250;  // under labels (350) and events (overlay, 400)
    const countries = L.geoJSON(borders, {
      interactive: false, pane: "basemap",
      style: { color: "#8a8a8a", weight: 0.8, fillColor: "#f2efe6", fillOpacity: tileUrl ? 0 : 1 },
    }).addTo(map);
    if (!tileUrl) addCountryLabels(countries);
    document.body.dataset.basemap = "ready";
  } catch (err) {
    console.warn("no borders", err);
    document.body.dataset.basemap = "none";
  }
  map.attributionControl.addAttribution("borders: Natural Earth (via countryinfo)");
}

function addCountryLabels(countries) {
  // Names at the middle of each country's largest outline, from zoom 4 on
  // (the offline basemap has no other place names).
  const pane = map.createPane("country-labels");  // under the event markers, never clickable
  pane.style.zIndex = 350;
  pane.style.pointerEvents = "none";
  const labels = L.layerGroup();
  countries.eachLayer(layer => {
    const name = layer.feature.properties.name;
    if (!name) return;
    const parts = layer.getLatLngs().map(p => L.latLngBounds(p.flat(2)));
    const largest = parts.reduce((a, b) => (area(b) > area(a) ? b : a));
    const text = el("span", {}, name);
    L.marker(largest.getCenter(), {
      icon: L.divIcon({ className: "country-label", html: text, iconSize: null }),
      interactive: false, keyboard: false, pane: "country-labels",
    }).addTo(labels);
  });
  const toggle = () => (map.getZoom() >= 4 ? labels.addTo(map) : labels.remove());
  map.on("zoomend", toggle);
  toggle();
}

function area(bounds) {
  return (bounds.getNorth() - bounds.getSouth()) * (bounds.getEast() - bounds.getWest());
}

function addLegend() {
  const legend = L.control({ position: "bottomleft" });
  legend.onAdd = () => {
    const box = el("div", { class: "legend" });
    for (const [type, c] of Object.entries(TYPE_COLOURS)) {
      box.append(el("div", {}, el("span", { class: "swatch", style: `background:${c}` }), type));
    }
    box.append(el("div", {}, "marker size: fatalities"));
    return box;
  };
  legend.addTo(map);
}

// ---- events ----------------------------------------------------------------

// The server aggregates: /map answers for the visible box and zoom with the
// events as light points (few) or grid cells with counts (many); the list
// pages through /events for the same box; the timeline is /stats' weekly count.

function wrapLon(lon) { return ((((lon + 180) % 360) + 360) % 360) - 180; }

function viewBox() {
  // west,south,east,north of the visible map, in the API's ranges (west > east crosses 180°).
  const b = map.getBounds();
  let west = b.getWest(), east = b.getEast();
  if (east - west >= 360) { west = -180; east = 180; } else { west = wrapLon(west); east = wrapLon(east); }
  const south = Math.max(-90, b.getSouth()), north = Math.min(90, b.getNorth());
  return [west, south, east, north].map(v => v.toFixed(5)).join(",");
}

function hasPoint(event) {
  return event.place && event.place.lat !== null && event.place.lon !== null;
}

function pointOf(feature) {
  // A /map feature as the marker code uses it.
  const p = feature.properties;
  return { id: feature.id, lat: feature.geometry.coordinates[1], lon: feature.geometry.coordinates[0],
    event_type: p.event_type, fatalities: p.fatalities, date: p.event_date, location: p.location };
}

function drawMarkers(points) {
  markers.clearLayers();
  markerById = new Map();
  // Biggest first so small markers stay clickable on top of them.
  const located = [...points].sort((a, b) => radius(b) - radius(a));
  for (const event of located) {
    const marker = L.circleMarker([event.lat, event.lon], {
      radius: radius(event),
      color: "#333",
      weight: 1,
      fillColor: colour(event.event_type),
      fillOpacity: 0.75,
      className: "fp-marker",
    });
    marker.bindTooltip(`${event.event_type}: ${event.location || "?"}${event.date ? " (" + event.date + ")" : ""}`);
    marker.on("click", () => selectEvent(event.id));
    marker.home = L.latLng(event.lat, event.lon);
    marker.event = event;
    marker.addTo(markers);
    marker.getElement().setAttribute("data-event-id", event.id);
    markerById.set(event.id, marker);
  }
  spreadColocated();
  return located.length;
}

function drawClusters(cells) {
  // One disc per grid cell: area by event count, colour by its most frequent type; a click zooms to its events.
  clusters.clearLayers();
  const biggest = Math.max(1, ...cells.map(c => c.count));
  for (const cell of cells) {
    const size = Math.round(18 + 30 * Math.sqrt(cell.count / biggest));
    const disc = el("div", { class: "fp-cluster-disc", style: `width:${size}px;height:${size}px;line-height:${size}px;background:${colour(cell.event_type)}` },
      cell.count >= 10000 ? `${Math.round(cell.count / 1000)}k` : String(cell.count));
    const marker = L.marker([cell.lat, cell.lon], {
      icon: L.divIcon({ className: "fp-cluster", html: disc, iconSize: [size, size] }),
      title: `${cell.count} events, ${cell.fatalities} fatalities (mostly ${cell.event_type}): click to zoom in`,
    });
    marker.on("click", () => {
      const [south, west, north, east] = cell.bounds;
      const box = L.latLngBounds([south, west], [north, east]);
      if (box.getNorthEast().equals(box.getSouthWest())) map.setView(box.getCenter(), map.getZoom() + 3);
      else map.fitBounds(box.pad(0.1), { animate: false, maxZoom: Math.max(map.getZoom() + 1, 8) });
    });
    marker.addTo(clusters);
    marker.getElement().setAttribute("data-count", String(cell.count));
  }
}

function spreadColocated() {
  // Markers closer on screen than their radii would hide each other: gather
  // them into groups and fan each group out on a ring around its centre, with
  // a leader line to each event's true place (screen pixels, so redone on zoom).
  leaders.clearLayers();
  const groups = [];
  for (const marker of markerById.values()) {
    const at = map.latLngToLayerPoint(marker.home);
    const near = groups.find(g => g.anchor.distanceTo(at) < g.reach + marker.options.radius);
    if (near) { near.members.push(marker); near.reach = Math.max(near.reach, marker.options.radius); }
    else groups.push({ anchor: at, reach: marker.options.radius, members: [marker] });
  }
  for (const { anchor, members } of groups) {
    if (members.length === 1) { members[0].setLatLng(members[0].home); continue; }
    // circumference enough for every marker side by side, plus a gap
    const ring = Math.max(14, members.reduce((sum, m) => sum + 2 * m.options.radius + 3, 0) / (2 * Math.PI));
    members.forEach((marker, k) => {
      const angle = (2 * Math.PI * k) / members.length - Math.PI / 2;
      const spot = map.layerPointToLatLng(anchor.add(L.point(ring * Math.cos(angle), ring * Math.sin(angle))));
      marker.setLatLng(spot);
      L.polyline([marker.home, spot], { color: "#555", weight: 1, opacity: 0.7, interactive: false }).addTo(leaders);
    });
  }
  for (const marker of markerById.values()) marker.bringToFront();  // above the lines, biggest first
}
function showInView(n) {
  // How many matching events the visible part of the map holds (the server's count, redone on every pan and zoom).
  const box = document.getElementById("in-view");
  box.textContent = `${n.toLocaleString("en")} in view`;
  box.dataset.count = String(n);
}

async function loadView() {
  const seq = ++viewSeq;
  document.body.dataset.state = "loading";
  const params = filterParams();
  params.set("bbox", viewBox());
  const listParams = new URLSearchParams(params);
  listParams.set("limit", LIST_PAGE);
  params.set("zoom", String(Math.round(map.getZoom())));
  try {
    const [view, page] = await Promise.all([getJSON(`/map?${params}`), getJSON(`/events?${listParams}`)]);
    if (seq !== viewSeq) return false;  // the map moved on meanwhile
    if (view.features) { clusters.clearLayers(); drawMarkers(view.features.features.map(pointOf)); }
    else { drawMarkers([]); drawClusters(view.clusters); }
    showInView(view.total);
    listMore = page.next_offset === null ? null : { params: listParams, offset: page.next_offset };
    drawList(page.events, page.total, false);
    if (selectedId && markerById.has(selectedId)) markerById.get(selectedId).setStyle({ weight: 3, color: "#000" });
    document.body.dataset.markers = String(markerById.size);
    document.body.dataset.clusters = String(view.clusters ? view.clusters.length : 0);
    document.body.dataset.state = "ready";
    return true;
  } catch (err) {
    if (seq !== viewSeq) return false;
    document.getElementById("summary").textContent = `error: ${err.message}`;
    document.body.dataset.state = "error";
    return false;
  }
}

map.on("zoomend", () => {
  for (const [id, marker] of markerById) marker.setRadius(radius(marker.event));
  spreadColocated();
});
map.on("moveend", () => { if (!suppressMove) loadView(); });

async function showMore() {
  if (!listMore) return;
  const { params, offset } = listMore;
  params.set("offset", offset);
  const page = await getJSON(`/events?${params}`);
  listMore = page.next_offset === null ? null : { params, offset: page.next_offset };
  drawList(page.events, page.total, true);
}

function describe(event) {
  const parts = [event.date ? event.date.start : "undated", event.event_type];
  if (event.place) parts.push(event.place.name);
  if (event.fatalities) parts.push(`${event.fatalities.value} killed`);
  return parts.join(" · ");
}

function drawList(events, total, append) {
  // The events in view, one page at a time (a page is LIST_PAGE events from the server).
  const list = document.getElementById("event-list");
  const items = events.map(event => {
    const item = el("li", { "data-event-id": event.id, class: event.id === selectedId ? "selected" : null },
      el("span", { class: "swatch", style: `background:${colour(event.event_type)}` }), describe(event),
      hasPoint(event) ? null : " (no coordinates)");
    const at = hasPoint(event) ? L.latLng(event.place.lat, event.place.lon) : null;
    item.addEventListener("click", () => selectEvent(event.id, { pan: true, at }));
    return item;
  });
  if (append) list.append(...items); else list.replaceChildren(...items);
  const shown = list.children.length;
  document.getElementById("list-count").textContent =
    total > shown ? `(${shown.toLocaleString("en")} of ${total.toLocaleString("en")} in view)` : `(${total.toLocaleString("en")} in view)`;
  const more = document.getElementById("list-more");
  more.hidden = !listMore;
  more.textContent = listMore ? `Show ${Math.min(LIST_PAGE, total - shown)} more` : "";
}

// ---- event panel -----------------------------------------------------------

function highlighted(text, evidence) {
  // The article text with the evidence sentence in <mark> and the words that
  // carry the event in <strong>; offsets index the cleaned text.
  const box = el("div", { class: "article-text" });
  const s0 = evidence.sentence_start, s1 = evidence.sentence_end;
  const w0 = Math.max(s0, Math.min(evidence.start, s1)), w1 = Math.max(w0, Math.min(evidence.end, s1));
  const mark = el("mark", { class: "evidence" },
    text.slice(s0, w0), el("strong", {}, text.slice(w0, w1)), text.slice(w1, s1));
  box.append(text.slice(0, s0), mark, text.slice(s1));
  return { box, mark };
}

function field(dl, name, value) {
  if (value === null || value === undefined || value === "") return;
  dl.append(el("dt", {}, name), el("dd", {}, value));
}

function countText(count) {
  if (!count) return null;
  return count.text ? `${count.value} (“${count.text}”)` : String(count.value);
}

function actorText(actor) {
  if (!actor) return null;
  const extra = [actor.kind, actor.country].filter(Boolean).join(", ");
  return extra ? `${actor.name} (${extra})` : actor.name;
}

async function renderSource(container, source, fallbackEvidence) {
  const evidence = source.evidence || fallbackEvidence;
  const block = el("div", { class: "source", "data-article-id": source.article_id });
  container.append(block);
  let article = null;
  try { article = await getJSON(`/articles/${encodeURIComponent(source.article_id)}`); } catch (err) { /* shown below */ }
  const heading = el("div", {}, "Source: ");
  const label = (article && article.title) || `article ${source.article_id}`;
  const url = source.url || (article && article.url);
  heading.append(url && /^https?:\/\//.test(url) ? el("a", { href: url, target: "_blank", rel: "noopener" }, label) : label);
  if (article && article.date) heading.append(` (${article.date})`);
  const figures = [source.fatalities != null ? `${source.fatalities} killed` : null,
    source.injuries != null ? `${source.injuries} injured` : null].filter(Boolean).join(", ");
  if (figures) heading.append(` · reported ${figures}`);
  block.append(heading);
  if (article && evidence) {
    const { box, mark } = highlighted(article.text, evidence);
    block.append(box);
    box.scrollTop = Math.max(0, mark.offsetTop - box.offsetTop - 40);
  } else if (evidence) {
    block.append(el("div", { class: "article-text" }, el("mark", { class: "evidence" }, evidence.sentence)));
  }
}

function clearSelection() {
  selectedId = null;
  const panel = document.getElementById("event-detail");
  delete panel.dataset.eventId;
  panel.replaceChildren(el("p", { class: "hint" }, "Click a marker (or an event below) to see its evidence."));
}

async function selectEvent(id, { pan = false, at = null } = {}) {
  if (selectedId && markerById.has(selectedId)) markerById.get(selectedId).setStyle({ weight: 1, color: "#333" });
  selectedId = id;
  const marker = markerById.get(id);
  if (marker) { marker.setStyle({ weight: 3, color: "#000" }); marker.bringToFront(); }
  const home = marker ? marker.home : at;
  if (home && pan) map.setView(home, Math.max(map.getZoom(), 6), { animate: false });  // a jump: no race with a running fit
  const panelBox = document.getElementById("panel");
  if (!pan && window.innerWidth <= NARROW) panelBox.scrollIntoView({ block: "start" });  // the panel is below the map
  for (const li of document.querySelectorAll("#event-list li")) li.classList.toggle("selected", li.dataset.eventId === id);

  const panel = document.getElementById("event-detail");
  panel.dataset.eventId = id;
  panel.replaceChildren(el("p", { class: "hint" }, "Loading…"));
  let event;
  try { event = await getJSON(`/events/${encodeURIComponent(id)}`); } catch (err) {
    panel.replaceChildren(el("p", { class: "error" }, String(err.message)));
    return;
  }
  if (selectedId !== id) return; // another click won the race
  const dl = el("dl");
  field(dl, "Date", event.date ? (event.date.start === event.date.end ? event.date.start : `${event.date.start} – ${event.date.end}`) : null);
  if (event.place) {
    field(dl, "Place", [event.place.name, event.place.admin1, event.place.country].filter(Boolean).join(", ") + ` (${event.place.precision})`);
  }
  field(dl, "Actor 1", actorText(event.actor1));
  field(dl, "Actor 2", actorText(event.actor2));
  field(dl, "Fatalities", countText(event.fatalities));
  field(dl, "Injuries", countText(event.injuries));
  field(dl, "Confidence", event.confidence != null ? event.confidence.toFixed(2) : null);
  panel.replaceChildren(
    el("h3", {}, el("span", { class: "swatch", style: `background:${colour(event.event_type)}` }),
      `${event.event_type}: ${event.sub_event_type}`),
    dl);
  const sources = event.sources && event.sources.length ? event.sources : [{ article_id: event.article_id, evidence: event.evidence }];
  for (const source of sources) await renderSource(panel, source, event.evidence);
}

// ---- timeline --------------------------------------------------------------

function svg(tag, attrs, text) {
  const node = document.createElementNS("http://www.w3.org/2000/svg", tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function weeksBetween(first, last) {
  const weeks = [];
  for (let d = new Date(first + "T00:00:00Z"); d <= new Date(last + "T00:00:00Z"); d.setUTCDate(d.getUTCDate() + 7)) {
    weeks.push(d.toISOString().slice(0, 10));
  }
  return weeks;
}

function timelineBuckets(byWeek) {
  // Weekly bars; months when the span is over three years. Runs of more than
  // eight empty buckets become one narrow "gap" bar, so a quiet multi-year
  // stretch does not squeeze the weeks that have events into one pixel each.
  const weeks = weeksBetween(byWeek[0].week, byWeek[byWeek.length - 1].week);
  const monthly = weeks.length > 156;
  const key = week => (monthly ? week.slice(0, 7) + "-01" : week);
  const sums = new Map();
  for (const w of byWeek) {
    const s = sums.get(key(w.week)) || { events: 0, fatalities: 0 };
    s.events += w.events; s.fatalities += w.fatalities;
    sums.set(key(w.week), s);
  }
  const keys = [...new Set(weeks.map(key))];
  const buckets = [];
  let empty = [];
  const flush = () => {
    if (empty.length > 8) buckets.push({ gap: true, from: empty[0], to: empty[empty.length - 1] });
    else for (const k of empty) buckets.push({ start: k, events: 0, fatalities: 0 });
    empty = [];
  };
  for (const k of keys) {
    const s = sums.get(k);
    if (!s || !s.events) { empty.push(k); continue; }
    flush();
    buckets.push({ start: k, events: s.events, fatalities: s.fatalities });
  }
  flush();
  return { buckets, monthly };
}

function bucketEnd(start, monthly) {
  const end = new Date(start + "T00:00:00Z");
  if (monthly) { end.setUTCMonth(end.getUTCMonth() + 1); end.setUTCDate(0); } else end.setUTCDate(end.getUTCDate() + 6);
  return end.toISOString().slice(0, 10);
}

function drawTimeline(byWeek, since, until) {
  const chart = document.getElementById("timeline");
  chart.replaceChildren();
  const width = chart.clientWidth || 800, height = chart.clientHeight || 120;
  const left = 30, bottom = 16, top = 6;
  document.getElementById("fatal-max").textContent = "";
  if (!byWeek.length) {
    chart.append(svg("text", { x: left, y: height / 2 }, "no dated events"));
    return;
  }
  const { buckets, monthly } = timelineBuckets(byWeek);
  document.getElementById("timeline-unit").textContent = monthly ? "month" : "week";
  const real = buckets.filter(b => !b.gap);
  const maxEvents = Math.max(1, ...real.map(w => w.events));
  const maxDead = Math.max(1, ...real.map(w => w.fatalities));
  const step = Math.min(36, (width - left - 8) / buckets.length);
  const plotH = height - bottom - top;
  chart.append(svg("text", { x: 2, y: top + 8 }, String(maxEvents)), svg("text", { x: 2, y: height - bottom }, "0"));
  document.getElementById("fatal-max").textContent = real.some(w => w.fatalities) ? `(top: ${maxDead}/${monthly ? "month" : "week"})` : "";
  buckets.forEach((w, i) => {
    const x = left + i * step;
    if (w.gap) {
      const gap = svg("rect", { class: "gap", x, y: top + plotH - 2, width: Math.max(1, step - 1), height: 2 });
      gap.append(svg("title", {}, `no events from ${w.from} to ${bucketEnd(w.to, monthly)}`));
      chart.append(gap);
      return;
    }
    const end = bucketEnd(w.start, monthly);
    const h = (plotH * w.events) / maxEvents;
    const inRange = (since || until) && (!since || end >= since) && (!until || w.start <= until);
    const bar = svg("rect", { class: inRange ? "bar in-range" : "bar", x, y: top + plotH - h, width: Math.max(1, step - 1),
      height: Math.max(h, 0.5), "data-week": w.start });
    bar.append(svg("title", {}, `${monthly ? "month" : "week"} of ${w.start}: ${w.events} events, ${w.fatalities} fatalities (click to filter)`));
    bar.addEventListener("click", () => filterToRange(w.start, end));
    chart.append(bar);
    if (w.fatalities > 0) {
      chart.append(svg("circle", { class: "fatal", cx: x + step / 2, cy: top + 3 + (plotH - 3) * (1 - w.fatalities / maxDead), r: 3 }));
      chart.lastChild.append(svg("title", {}, `${w.fatalities} fatalities`));
    }
  });
  const labelEvery = Math.max(1, Math.ceil(72 / step));  // a date label is ~65px wide
  buckets.forEach((w, i) => {
    if (!w.gap && i % labelEvery === 0 && left + i * step + 62 < width) chart.append(svg("text", { x: left + i * step, y: height - 3 }, w.start));
  });
}

function filterToRange(start, end) {
  const form = document.getElementById("filters");
  form.elements.since.value = start;
  form.elements.until.value = end;
  refresh();
}

function fillChoices(stats) {
  const select = document.getElementById("filters").elements.type;
  const known = new Set([...select.options].map(o => o.value));
  const groups = { type: document.getElementById("event-types"), sub: document.getElementById("sub-event-types") };
  for (const type of [...Object.keys(TYPE_COLOURS), ...Object.keys(stats.by_type)]) {
    if (!known.has(type)) { groups.type.append(el("option", { value: type }, type)); known.add(type); }
  }
  for (const sub of SUB_EVENT_TYPES) {
    if (!known.has(sub)) { groups.sub.append(el("option", { value: sub }, sub)); known.add(sub); }
  }
  const wanted = new URLSearchParams(location.search).get("type");
  if (wanted) select.value = wanted;
  document.getElementById("countries").replaceChildren(
    ...Object.keys(stats.by_country).sort().map(code => el("option", { value: code })));
}

// ---- wiring ----------------------------------------------------------------

let firstLoad = true;

function fillFormFromUrl() {
  // A shared link (filters in the query string) opens on the same selection.
  const form = document.getElementById("filters");
  for (const [name, value] of new URLSearchParams(location.search)) {
    const input = form.elements[name];
    if (!input) continue;
    if (input.tagName === "SELECT" && ![...input.options].some(o => o.value === value)) {
      input.append(el("option", { value }, value));
    }
    input.value = value;
  }
}

function setDownloads(params) {
  for (const format of ["csv", "geojson"]) {
    const query = new URLSearchParams(params);
    query.set("format", format);
    query.set("limit", MAX_DOWNLOAD);
    document.getElementById(`download-${format}`).href = `/events?${query}`;
  }
}

function timelineParams(params) {
  // The timeline keeps the whole period, so picking a week (or an empty one) never collapses it.
  const wide = new URLSearchParams(params);
  wide.delete("since");
  wide.delete("until");
  return wide;
}

async function refresh() {
  const seq = ++viewSeq;  // answers to views of the old selection are dropped
  document.body.dataset.state = "loading";
  const params = filterParams();
  const summary = document.getElementById("summary");
  history.replaceState(null, "", params.toString() ? `?${params}` : location.pathname);
  setDownloads(params);
  let stats;
  try {
    const wideParams = timelineParams(params);  // the same query unless a period is picked: ask once
    const [selected, wide] = wideParams.toString() === params.toString()
      ? await getJSON(`/stats?${params}`).then(one => [one, one])
      : await Promise.all([getJSON(`/stats?${params}`), getJSON(`/stats?${wideParams}`)]);
    stats = selected;
    drawTimeline(wide.by_week, params.get("since"), params.get("until"));
  } catch (err) {
    if (seq !== viewSeq) return;
    summary.textContent = `error: ${err.message}`;
    document.body.dataset.state = "error";
    return;
  }
  if (firstLoad) fillChoices(stats);
  firstLoad = false;
  const unlocated = stats.total - stats.located;
  summary.textContent = `${stats.total.toLocaleString("en")} events match` +
    (unlocated ? ` (${unlocated.toLocaleString("en")} without coordinates: in the downloads, not on the map)` : "");
  summary.dataset.total = String(stats.total);
  // A download is one API page: say so rather than truncate a bigger selection silently.
  document.getElementById("download-note").textContent =
    stats.total > MAX_DOWNLOAD ? `(the first ${MAX_DOWNLOAD.toLocaleString("en")}; narrow the filters or use flashpoint events)` : "";
  if (stats.bounds) {
    const [south, west, north, east] = stats.bounds;
    suppressMove = true;  // fitting fires moveend; the view is loaded once, below
    try { map.fitBounds(L.latLngBounds([south, west], [north, east]).pad(0.3), { maxZoom: 7, animate: false }); }
    finally { suppressMove = false; }
  }
  if (await loadView() && selectedId && !markerById.has(selectedId)) clearSelection();  // not in this selection any more
}

document.getElementById("filters").addEventListener("submit", e => { e.preventDefault(); refresh(); });
document.getElementById("list-more").addEventListener("click", showMore);
document.getElementById("filters").addEventListener("reset", () => setTimeout(refresh, 0));
fillFormFromUrl();
addLegend();
loadBasemap();  // its own pane sits under the events, so the two load side by side
refresh();
