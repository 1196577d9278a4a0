import requests
resp = requests.post(
"https://api.hfthot-lab.eu/v1/portfolio/optimize",
headers={"X-HFThot-API-Key": "hft_pro_your_key"},
json={
"method": "risk_parity",
"symbols": ["BTC-USDT", "ETH-USDT", "SOL-USDT"],
"lookback_days": 30
}
)
result = resp.json()
print(result["weights"])
# → {"BTC-USDT": 0.35, "ETH-USDT": 0.42, "SOL-USDT": 0.23}
