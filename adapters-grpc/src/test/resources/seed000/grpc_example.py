import grpc
import hfthot_pb2 as pb
import hfthot_pb2_grpc as stub
# Authenticated channel with TLS
credentials = grpc.ssl_channel_credentials()
channel = grpc.secure_channel("api.hfthot-lab.eu:50053", credentials)
metadata = [("x-hfthot-api-key", "hft_pro_your_key")]
client = stub.SignalServiceStub(channel)
resp = client.GetRegime(
    pb.RegimeRequest(symbol="BTC-USDT", lookback=200),
    metadata=metadata
)
print(f"Regime: {resp.regime} ({resp.confidence:.0%}) → {resp.strategy}")
# Regime: mean_reverting (87%) → stat_arb
# Streaming ticks
market = stub.MarketServiceStub(channel)
for tick in market.StreamTicks(pb.SubscribeRequest(symbol="BTC-USDT"), metadata=metadata):
    print(f"{tick.ts_ms}: {tick.price} ({tick.side})")
