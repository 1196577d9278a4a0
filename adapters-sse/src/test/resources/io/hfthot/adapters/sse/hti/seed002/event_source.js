const apiCode = "<YOUR_API_CODE>";
const streamUrl = `http://your-hti-environment:3500/client-api/hti/stream?api_code=${encodeURIComponent(apiCode)}&poll_seconds=2`;

const eventSource = new EventSource(streamUrl);

eventSource.addEventListener("ready", (event) => {
  console.log("Stream ready", JSON.parse(event.data));
});

eventSource.addEventListener("ping", (event) => {
  console.log("Ping", JSON.parse(event.data));
});

eventSource.addEventListener("idea", (event) => {
  const idea = JSON.parse(event.data);
  console.log("New idea received", idea);
});

eventSource.addEventListener("error", (event) => {
  console.error("Stream error", event);
});
