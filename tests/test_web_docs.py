"""/docs and /redoc need nothing from the internet: their scripts and styles come from this server."""

from __future__ import annotations

import re

from fastapi.testclient import TestClient

from flashpoint.api import Settings, create_app


def test_docs_pages_load_assets_from_this_server(tmp_path):
    app = create_app(Settings(db_url=f"sqlite:///{tmp_path / 'e.db'}"))
    with TestClient(app) as client:
        for page in ("/docs", "/redoc"):
            html = client.get(page).text
            assets = re.findall(r'(?:src|href)="([^"]+)"', html)
            assert assets, page
            for asset in assets:
                assert asset.startswith("/"), f"{page} loads {asset} from elsewhere"
                response = client.get(asset)
                assert response.status_code == 200 and len(response.content) > 1000, asset
