import websockets, asyncio, json
async def stream():
    url = "wss://api.hfthot-lab.eu/v1/stream?api_key=hft_pro_your_key"
    async with websockets.connect(url) as ws:
        # Subscribe to price feed
        await ws.send(json.dumps({
            "type": "subscribe",
            "stream": "price_feed",
            "symbol": "BTC-USDT"
        }))
        async for msg in ws:
            data = json.loads(msg)
            print(data)
asyncio.run(stream())
