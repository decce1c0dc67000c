"""AR602 datagram-reuse-address: loop.create_datagram_endpoint(reuse_address=True)."""
import asyncio


async def main(loop):
    transport, protocol = await loop.create_datagram_endpoint(
        asyncio.DatagramProtocol, local_addr=("127.0.0.1", 0), reuse_address=True)
    print("bound:", transport.get_extra_info("sockname")[0])
    transport.close()


loop = asyncio.new_event_loop()
try:
    loop.run_until_complete(main(loop))
finally:
    loop.close()
