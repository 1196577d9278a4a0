// The HFThot dashboard: plain JavaScript, no build step.
// The API key lives in the `key` variable below only: never in storage, cookies or the page URL. It arrives typed
// into the form or in the URL fragment (#key=...), which browsers never send to a server and which is removed from
// the address bar at once. REST calls send it in the X-HFThot-API-Key header. The WebSocket carries it in seed 000's
// `api_key` query parameter, because a browser cannot set headers on a WebSocket; the server's access log records
// paths without their query.
"use strict";

(function () {
  const REFRESH_MS = 15000;
  const MAX_POINTS = 300;
  let key = null;
  let socket = null;
  let pingTimer = null;
  let refreshTimer = null;
  let symbols = [];
  let streamed = null;
  let points = [];
  let ticks = 0;

  const $ = (id) => document.getElementById(id);

  function status(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  async function api(path) {
    const response = await fetch(path, { headers: { "X-HFThot-API-Key": key }, cache: "no-store" });
    const body = await response.json();
    if (!response.ok) {
      throw new Error(response.status + " " + (body.code || "") + ": " + (body.message || ""));
    }
    return { body: body, headers: response.headers };
  }

  function meter(id, used, limit) {
    const unlimited = typeof limit !== "number";
    $(id + "-meter").max = unlimited ? 1 : Math.max(1, limit);
    $(id + "-meter").value = unlimited ? 0 : Math.min(used, limit);
    $(id + "-text").textContent = used + " / " + (unlimited ? "unlimited" : limit);
  }

  async function refreshUsage() {
    const usage = await api("/v1/account/usage");
    const u = usage.body;
    $("tier").textContent = "(" + u.tier + ")";
    const limit = Number(usage.headers.get("X-RateLimit-Limit"));
    const remaining = Number(usage.headers.get("X-RateLimit-Remaining"));
    if (usage.headers.get("X-RateLimit-Limit") !== null && limit >= 0) {
      meter("minute", limit - remaining, limit);
      const reset = Number(usage.headers.get("X-RateLimit-Reset"));
      $("reset").textContent = new Date(reset * 1000).toLocaleTimeString();
    } else {
      meter("minute", 0, "unlimited");
    }
    meter("day", u.requests_today, u.daily_limit);
    meter("ws", u.ws_active, u.ws_max);
    $("cycle").textContent = u.billing_cycle_end;
  }

  function probabilityBars(probs) {
    const cell = document.createElement("td");
    for (const [state, p] of Object.entries(probs)) {
      const bar = document.createElement("span");
      bar.className = "bar " + state;
      bar.style.width = Math.round(p * 120) + "px";
      bar.title = state + " " + (p * 100).toFixed(1) + "%";
      cell.appendChild(bar);
    }
    const text = document.createElement("div");
    text.className = "muted";
    text.textContent = Object.entries(probs).map(([s, p]) => s + " " + (p * 100).toFixed(0) + "%").join(", ");
    cell.appendChild(text);
    return cell;
  }

  async function refreshRegimes() {
    const rows = [];
    for (const symbol of symbols) {
      const r = (await api("/v1/signals/regime?symbol=" + encodeURIComponent(symbol))).body;
      const row = document.createElement("tr");
      row.dataset.symbol = symbol;
      for (const text of [symbol, r.regime, (r.confidence * 100).toFixed(1) + "%"]) {
        const td = document.createElement("td");
        td.textContent = text;
        row.appendChild(td);
      }
      row.appendChild(probabilityBars(r.state_probs));
      const strategy = document.createElement("td");
      strategy.textContent = r.strategy;
      row.appendChild(strategy);
      rows.push(row);
    }
    $("regimes").replaceChildren(...rows);
  }

  async function refresh() {
    try {
      await refreshUsage();
      await refreshRegimes();
      status("Connected. Usage and regimes refresh every " + REFRESH_MS / 1000 + " s; prices are live.", false);
    } catch (e) {
      status("Refresh failed: " + e.message, true);
    }
  }

  function draw() {
    const canvas = $("chart");
    const ctx = canvas.getContext("2d");
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    if (points.length < 2) {
      return;
    }
    const prices = points.map((p) => p.price);
    const lo = Math.min(...prices);
    const hi = Math.max(...prices);
    const span = hi - lo || 1;
    const pad = 24;
    ctx.strokeStyle = "#ffd54f";
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    points.forEach((p, i) => {
      const x = pad + (i / (points.length - 1)) * (canvas.width - 2 * pad);
      const y = canvas.height - pad - ((p.price - lo) / span) * (canvas.height - 2 * pad);
      if (i === 0) {
        ctx.moveTo(x, y);
      } else {
        ctx.lineTo(x, y);
      }
    });
    ctx.stroke();
    ctx.fillStyle = "#8a99a8";
    ctx.font = "12px system-ui";
    ctx.fillText(hi.toFixed(2), 2, pad - 6);
    ctx.fillText(lo.toFixed(2), 2, canvas.height - 6);
  }

  function send(message) {
    if (socket && socket.readyState === WebSocket.OPEN) {
      socket.send(JSON.stringify(message));
    }
  }

  function openStream() {
    closeStream();
    const scheme = location.protocol === "https:" ? "wss:" : "ws:";
    socket = new WebSocket(scheme + "//" + location.host + "/v1/stream?api_key=" + encodeURIComponent(key));
    socket.onopen = () => {
      streamed = $("symbol").value;
      send({ type: "subscribe", stream: "price_feed", symbol: streamed });
      // The server closes connections idle for 60 s.
      pingTimer = setInterval(() => send({ type: "ping" }), 30000);
      // The stream now holds one of the key's slots: show it.
      refreshUsage().catch((e) => status("Refresh failed: " + e.message, true));
    };
    socket.onmessage = (event) => {
      const m = JSON.parse(event.data);
      if (m.type === "tick" && m.symbol === $("symbol").value) {
        ticks++;
        points.push({ price: m.price, ts: m.ts_ms });
        if (points.length > MAX_POINTS) {
          points.shift();
        }
        $("tick-count").textContent = String(ticks);
        $("last-price").textContent = m.price.toFixed(2) + " (" + m.side + ")";
        draw();
      } else if (m.type === "error") {
        status("Stream: " + m.code + ": " + m.message, true);
      }
    };
    socket.onclose = (event) => {
      clearInterval(pingTimer);
      if (key !== null && event.code !== 1000) {
        status("Stream closed (" + event.code + "); reconnect with Connect.", true);
      }
    };
  }

  function closeStream() {
    clearInterval(pingTimer);
    streamed = null;
    if (socket) {
      socket.onclose = null;
      socket.close(1000);
      socket = null;
    }
  }

  async function connect(typed) {
    key = typed.trim();
    $("key").value = "";
    if (!key) {
      key = null;
      status("Type an API key first.", true);
      return;
    }
    try {
      symbols = (await api("/v1/market/symbols")).body.symbols.map((s) => s.symbol);
    } catch (e) {
      key = null;
      status("This key was refused: " + e.message, true);
      return;
    }
    $("symbol").replaceChildren(...symbols.map((s) => new Option(s, s)));
    points = [];
    openStream();
    await refresh();
    clearInterval(refreshTimer);
    refreshTimer = setInterval(refresh, REFRESH_MS);
  }

  function forget() {
    key = null;
    closeStream();
    clearInterval(refreshTimer);
    status("Key forgotten.", false);
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    connect($("key").value);
  });
  $("forget").addEventListener("click", forget);
  // Another symbol: the same connection changes its subscription (a free key has one stream slot only).
  $("symbol").addEventListener("change", () => {
    points = [];
    draw();
    if (streamed !== null) {
      send({ type: "unsubscribe", stream: "price_feed", symbol: streamed });
    }
    streamed = $("symbol").value;
    send({ type: "subscribe", stream: "price_feed", symbol: streamed });
  });

  // A key in the fragment (#key=...) is taken, then the fragment is removed from the address bar and history.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has("key")) {
    const fromFragment = fragment.get("key");
    history.replaceState(null, "", location.pathname + location.search);
    connect(fromFragment);
  }
})();
