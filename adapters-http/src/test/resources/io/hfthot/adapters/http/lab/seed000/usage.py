import requests
resp = requests.get(
"https://api.hfthot-lab.eu/v1/account/usage",
headers={"X-HFThot-API-Key": "hft_pro_your_key"}
)
usage = resp.json()
print(f"Requests today: {usage['requests_today']}/{usage['daily_limit']}")
print(f"WS connections: {usage['ws_active']}/{usage['ws_max']}")
print(f"Tier: {usage['tier']} — renews {usage['billing_cycle_end']}")
