"""Kept HTTP connections to the action server: reused between calls, and a server that went away
and came back is reached again.

Runs in a fresh interpreter: the patch is process-wide, and a real HTTP server (aiohttp) stands
in for the action server on a free port.
"""

from __future__ import annotations

import textwrap

from launcher.stack import free_port
from tests.test_connectors.test_speedups_serving import run_python

SERVER = """
    import asyncio
    import aiohttp
    from aiohttp import web
    from rasa.utils.endpoints import EndpointConfig
    from connectors.action_calls import keep_endpoint_connections

    peers = []

    async def webhook(request):
        peers.append(request.transport.get_extra_info("peername"))
        return web.json_response({"events": [], "responses": []})

    async def serve(port):
        app = web.Application()
        app.router.add_post("/webhook", webhook)
        runner = web.AppRunner(app)
        await runner.setup()
        await web.TCPSite(runner, "127.0.0.1", port).start()
        return runner
"""


def run_with_server(body: str) -> None:
    code = textwrap.dedent(SERVER) + textwrap.dedent(body).replace("PORT", str(free_port()))
    result = run_python(code)
    assert result.returncode == 0, result.stderr[-3000:]


def test_calls_share_one_connection() -> None:
    run_with_server(
        """
        async def main():
            keep_endpoint_connections()
            runner = await serve(PORT)
            endpoint = EndpointConfig("http://127.0.0.1:PORT/webhook")
            for _ in range(3):
                assert await endpoint.request(json={"next_action": "x"}, method="post") == {"events": [], "responses": []}
            assert len(peers) == 3 and len(set(peers)) == 1, peers
            await runner.cleanup()

        asyncio.run(main())
        """
    )


def test_a_server_that_was_down_is_reached_again() -> None:
    run_with_server(
        """
        async def main():
            keep_endpoint_connections()
            endpoint = EndpointConfig("http://127.0.0.1:PORT/webhook")
            runner = await serve(PORT)
            await endpoint.request(json={}, method="post")
            await runner.cleanup()
            try:
                await endpoint.request(json={}, method="post")
            except aiohttp.ClientError:
                pass
            else:
                raise AssertionError("a stopped server answered")
            runner = await serve(PORT)
            assert await endpoint.request(json={}, method="post") == {"events": [], "responses": []}
            await runner.cleanup()

        asyncio.run(main())
        """
    )
