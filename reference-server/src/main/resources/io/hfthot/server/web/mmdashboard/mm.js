// The market-maker dashboard (seed 003): plain JavaScript, no build step.
// The X-API-KEY lives in the `key` variable below only: never in storage, cookies or a URL. It arrives typed into the
// form or in the URL fragment (#key=...), which browsers never send to a server and which is removed from the
// address bar at once. Only the control calls send it, in the X-API-KEY header; the stream is public (seed 003).
"use strict";

(function () {
  const STREAM_PATH = "/api/v1/ws/stream";
  const PARAMETERS_PATH = "/api/v1/control/parameters";
  const STOP_PATH = "/api/v1/control/emergency-stop";
  const LATENCY_LIMIT_MS = 500;
  const BLOTTER_ROWS = 50;
  const MAX_BACKOFF_MS = 30000;
  let key = null;
  let socket = null;
  let backoffMs = 1000;
  let messages = 0;
  let heartbeats = 0;

  const $ = (id) => document.getElementById(id);

  function status(text, isError) {
    $("status").textContent = text;
    $("status").className = isError ? "error" : "";
  }

  function fixed(value, digits) {
    return typeof value === "number" ? value.toFixed(digits) : "-";
  }

  // Seed 003's timestamp is UTC without an offset and with microseconds; Date.parse takes milliseconds and a "Z".
  function timestampMs(timestamp) {
    const m = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d{1,3})?\d*$/.exec(timestamp || "");
    return m ? Date.parse(m[1] + (m[2] || "") + "Z") : NaN;
  }

  // A message is late when the bot measured a slow round trip, or when it reached this page more than 500 ms after
  // the server stamped it (measured with this browser's clock).
  function latencyWarning(data, receivedMs) {
    const age = receivedMs - timestampMs(data.timestamp);
    $("age").textContent = Number.isFinite(age) ? Math.round(age) : "-";
    const reasons = [];
    if (data.latency_ms > LATENCY_LIMIT_MS) {
      reasons.push("latency " + data.latency_ms.toFixed(1) + " ms");
    }
    if (age > LATENCY_LIMIT_MS) {
      reasons.push("message " + Math.round(age) + " ms old on arrival");
    }
    $("latency-warning").hidden = reasons.length === 0;
    $("latency-warning").textContent = reasons.length === 0 ? ""
      : "Latency warning: " + reasons.join(", ") + " (over " + LATENCY_LIMIT_MS + " ms).";
  }

  function inventory(value) {
    const side = value > 0 ? "long" : value < 0 ? "short" : "flat";
    $("inventory").textContent = fixed(value, 2);
    $("inventory").className = side;
    $("inventory-label").textContent = side;
  }

  function updateMetrics(data) {
    inventory(data.inventory);
    $("action").textContent = data.action;
    $("midpoint").textContent = fixed(data.midpoint, 4);
    $("spread").textContent = fixed(data.spread, 4);
    $("latency").textContent = fixed(data.latency_ms, 1);
    $("vol-state").textContent = data.vol_state;
    $("binance-price").textContent = fixed(data.binance_price, 2);
    $("pnl").textContent = fixed(data.virtual_pnl, 4);
    $("equity").textContent = fixed(data.total_equity, 2);
    $("buying-power").textContent = fixed(data.buying_power, 2);
    $("volume").textContent = fixed(data.session_volume, 2);
    $("trades").textContent = data.total_trades_count;
    $("updates").textContent = data.total_order_updates;
    $("gas").textContent = fixed(data.total_gas_spent_usd, 4);
    $("matic").textContent = fixed(data.current_matic_balance, 4);
  }

  function addBlotterRow(data) {
    const row = document.createElement("tr");
    row.dataset.action = data.action;
    for (const text of [data.timestamp, data.action, fixed(data.midpoint, 4), fixed(data.spread, 4),
      fixed(data.inventory, 2), fixed(data.latency_ms, 1)]) {
      const cell = document.createElement("td");
      cell.textContent = text;
      row.appendChild(cell);
    }
    const body = $("blotter");
    body.insertBefore(row, body.firstChild);
    while (body.children.length > BLOTTER_ROWS) {
      body.removeChild(body.lastChild);
    }
  }

  function onMessage(event) {
    const received = Date.now();
    const data = JSON.parse(event.data);
    messages += 1;
    $("message-count").textContent = messages;
    // Heartbeats update the metrics (equity, PnL, latency) but never the blotter (seed 003, section 9).
    updateMetrics(data);
    latencyWarning(data, received);
    if (data.action === "HEARTBEAT") {
      heartbeats += 1;
      $("heartbeat-count").textContent = heartbeats;
    } else {
      addBlotterRow(data);
    }
  }

  // Reconnects with exponential backoff (1 s doubling to 30 s), reset once a connection opens.
  function openStream() {
    const scheme = location.protocol === "https:" ? "wss://" : "ws://";
    socket = new WebSocket(scheme + location.host + STREAM_PATH);
    $("stream-state").textContent = "connecting";
    socket.onopen = () => {
      backoffMs = 1000;
      $("stream-state").textContent = "live";
      $("stream-state").className = "ok";
    };
    socket.onmessage = onMessage;
    socket.onclose = () => {
      $("stream-state").textContent = "disconnected, retrying in " + backoffMs / 1000 + " s";
      $("stream-state").className = "error";
      setTimeout(openStream, backoffMs);
      backoffMs = Math.min(MAX_BACKOFF_MS, backoffMs * 2);
    };
  }

  // One control call: the answer's JSON, or an Error carrying the status and the server's {"detail"}.
  async function control(method, path, body) {
    if (key === null) {
      throw new Error("type the X-API-KEY first");
    }
    const response = await fetch(path, {
      method: method,
      headers: { "X-API-KEY": key, "Content-Type": "application/json" },
      body: JSON.stringify(body),
      cache: "no-store"
    });
    const text = await response.text();
    let answer;
    try {
      answer = JSON.parse(text);
    } catch (e) {
      answer = { detail: text };
    }
    if (!response.ok) {
      const detail = typeof answer.detail === "string" ? answer.detail : JSON.stringify(answer.detail);
      throw new Error(response.status + ": " + detail);
    }
    return answer;
  }

  function parametersBody() {
    const body = {};
    for (const name of ["spread_offset", "order_size", "max_position", "min_liquidity"]) {
      const raw = $(name).value.trim();
      if (raw !== "") {
        body[name] = Number(raw);
      }
    }
    if ($("is_running").value !== "") {
      body.is_running = $("is_running").value === "true";
    }
    return body;
  }

  function showResult(id, text, isError) {
    $(id).textContent = text;
    $(id).className = isError ? "error" : "ok";
  }

  $("params-form").addEventListener("submit", async (event) => {
    event.preventDefault();
    const body = parametersBody();
    if (Object.keys(body).length === 0) {
      showResult("params-result", "Fill at least one field.", true);
      return;
    }
    try {
      const answer = await control("PATCH", PARAMETERS_PATH, body);
      showResult("params-result", answer.status + "\n" + JSON.stringify(answer.current_state, null, 2), false);
    } catch (e) {
      showResult("params-result", "Refused: " + e.message, true);
    }
  });

  // The kill switch takes two clicks: the first only shows the confirmation.
  function confirmStep(show) {
    $("kill-step1").hidden = show;
    $("kill-confirm").hidden = !show;
  }

  $("kill").addEventListener("click", () => confirmStep(true));
  $("kill-no").addEventListener("click", () => confirmStep(false));
  $("kill-yes").addEventListener("click", async () => {
    confirmStep(false);
    const reason = $("kill-reason").value.trim();
    try {
      const answer = await control("POST", STOP_PATH, reason === "" ? {} : { reason: reason });
      showResult("kill-result", answer.status + (answer.reason ? " (" + answer.reason + ")" : ""), false);
    } catch (e) {
      showResult("kill-result", "Refused: " + e.message, true);
    }
  });

  function useKey(typed) {
    const k = typed.trim();
    $("key").value = "";
    key = k === "" ? null : k;
    status(key === null ? "Type a key first." : "Key set (in this page's memory only).", key === null);
  }

  $("key-form").addEventListener("submit", (event) => {
    event.preventDefault();
    useKey($("key").value);
  });
  $("forget").addEventListener("click", () => {
    key = null;
    status("Key forgotten.", false);
  });

  // A key in the fragment (#key=...) is taken, then the fragment is removed from the address bar and history.
  const fragment = new URLSearchParams(location.hash.slice(1));
  if (fragment.has("key")) {
    const fromFragment = fragment.get("key");
    history.replaceState(null, "", location.pathname + location.search);
    useKey(fromFragment);
  }
  openStream();
})();
