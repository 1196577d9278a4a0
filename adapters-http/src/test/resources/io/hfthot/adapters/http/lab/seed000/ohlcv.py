import requests
resp = requests.get(
"https://api.hfthot-lab.eu/v1/market/ohlcv",
headers={"X-HFThot-API-Key": "hft_pro_your_key"},
params={"symbol": "BTC-USDT", "interval": "5m", "limit": 100}
)
data = resp.json()
# data["bars"] → list of {time, open, high, low, close, volume}
