import requests, urllib.parse
sql = """
SELECT date_trunc('hour', ts) as hour,
avg(close) as avg_close,
sum(volume) as total_vol
FROM market.ohlcv
WHERE symbol = 'BTC-USDT'
AND ts >= now() - INTERVAL '24 hours'
GROUP BY 1 ORDER BY 1
"""
resp = requests.get(
"https://api.hfthot-lab.eu/v1/lakehouse/query",
headers={"X-HFThot-API-Key": "hft_pro_your_key"},
params={"sql": sql, "format": "json"}
)
print(resp.json()["rows"])
