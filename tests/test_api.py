"""REST API tests with FastAPI's test client over a real store built from
hand-made documents (known answers), plus POST /articles through the real pipeline."""

from __future__ import annotations

import datetime as dt

import pytest
from fastapi.testclient import TestClient

from flashpoint.api import Settings, create_app
from flashpoint.model import Actor, Article, Count, Document, Event, EventDate, Place, Provenance, Quote
from flashpoint.store import open_store

TOKEN = "test-token-123"

TEXT_A = (
    "At least 33 Turkish soldiers were killed in an air strike in Idlib on Thursday. "
    "Hundreds of protesters marched in Ankara on Friday. "
    "\u201cWe will respond,\u201d the defence minister said."
)
TEXT_B = "Five fighters died when rebels clashed with the army near Saraqeb on Monday."


def span(article: Article, sentence: str, words: str) -> Provenance:
    """Provenance of ``words`` inside ``sentence`` of the article (offsets computed, not typed)."""
    s = article.text.index(sentence)
    w = article.text.index(words, s)
    return Provenance(article.id, sentence, s, s + len(sentence), w, w + len(words), 0.9)


def place(name: str, country: str, lat: float, lon: float) -> Place:
    return Place(name=name, text=name, precision="town", country=country, admin1=name, lat=lat, lon=lon)


def day(iso: str) -> EventDate:
    d = dt.date.fromisoformat(iso)
    return EventDate(d, d)


def documents() -> list[Document]:
    a = Article("art-a", TEXT_A, dt.date(2020, 2, 28), "https://example.org/a", "Strike in Idlib")
    b = Article("art-b", TEXT_B, dt.date(2020, 3, 10), "https://example.org/b", "Saraqeb clash")
    strike_sentence = "At least 33 Turkish soldiers were killed in an air strike in Idlib on Thursday."
    protest_sentence = "Hundreds of protesters marched in Ankara on Friday."
    strike = Event(
        id="ev-strike", article_id=a.id, event_type="Explosions/Remote violence", sub_event_type="Air/drone strike",
        evidence=span(a, strike_sentence, "air strike"), confidence=0.9, trigger="strike",
        actor2=Actor("Military Forces of Turkey", "Turkish soldiers", "state forces", "TR"),
        place=place("Idlib", "SY", 35.93, 36.63), date=day("2020-02-27"),
        fatalities=Count(33, "at least", "At least 33", span(a, strike_sentence, "At least 33")),
    )
    protest = Event(
        id="ev-protest", article_id=a.id, event_type="Protests", sub_event_type="Peaceful protest",
        evidence=span(a, protest_sentence, "marched"), confidence=0.8, trigger="marched",
        actor1=Actor("Protesters (Turkey)", "protesters", "protesters", "TR"),
        place=place("Ankara", "TR", 39.93, 32.86), date=day("2020-02-28"),
    )
    clash = Event(
        id="ev-clash", article_id=b.id, event_type="Battles", sub_event_type="Armed clash",
        evidence=span(b, TEXT_B, "clashed"), confidence=0.7, trigger="clashed",
        actor1=Actor("Rebels (Syria)", "rebels", "rebel group", "SY"),
        actor2=Actor("Military Forces of Syria", "the army", "state forces", "SY"),
        place=place("Saraqeb", "SY", 35.86, 36.80), date=day("2020-03-09"),
        fatalities=Count(5, "exact", "Five", span(b, TEXT_B, "Five")),
    )
    quote = Quote(
        id="q-1", article_id=a.id, text="We will respond,", provenance=span(a, "\u201cWe will respond,\u201d the defence minister said.", "We will respond,"),
        confidence=0.8, speaker="the defence minister", role="defence minister",
    )
    return [Document(a, [strike, protest], [quote]), Document(b, [clash], [])]


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    with open_store(f"sqlite:///{tmp_path_factory.mktemp('api') / 'events.db'}") as opened:
        opened.add_documents(documents())
        yield opened


@pytest.fixture(scope="module")
def client(store):
    with TestClient(create_app(Settings(token=TOKEN), store=store)) as c:
        yield c


def ids(response) -> set[str]:
    assert response.status_code == 200, response.text
    return {e["id"] for e in response.json()["events"]}


def test_events_lists_every_event_with_total(client):
    body = client.get("/events").json()
    assert body["total"] == 3
    assert {e["event_type"] for e in body["events"]} == {"Explosions/Remote violence", "Protests", "Battles"}
    assert body["next_offset"] is None


def test_events_paging_walks_all_events_once(client):
    first = client.get("/events", params={"limit": 2}).json()
    assert len(first["events"]) == 2 and first["next_offset"] == 2
    rest = client.get("/events", params={"limit": 2, "offset": first["next_offset"]}).json()
    assert len(rest["events"]) == 1 and rest["next_offset"] is None
    seen = [e["id"] for e in first["events"] + rest["events"]]
    assert len(set(seen)) == 3


@pytest.mark.parametrize(
    "params, expected_places",
    [
        ({"country": "SY"}, {"Idlib", "Saraqeb"}),
        ({"country": "tr"}, {"Ankara"}),
        ({"type": "Protests"}, {"Ankara"}),
        ({"since": "2020-03-01"}, {"Saraqeb"}),
        ({"until": "2020-02-27"}, {"Idlib"}),
        ({"actor": "rebels"}, {"Saraqeb"}),
        ({"min_fatalities": 10}, {"Idlib"}),
        ({"near": "39.9,32.8,50"}, {"Ankara"}),
        ({"country": "SY", "min_fatalities": 1, "since": "2020-03-01"}, {"Saraqeb"}),
    ],
)
def test_event_filters(client, params, expected_places):
    body = client.get("/events", params=params).json()
    assert {e["place"]["name"] for e in body["events"]} == expected_places
    assert body["total"] == len(expected_places)


@pytest.mark.parametrize(
    "params, fragment",
    [
        ({"limit": 0}, "limit"),
        ({"limit": 5000}, "limit"),
        ({"offset": -1}, "offset"),
        ({"since": "2020-03-01", "until": "2020-01-01"}, "since"),
        ({"since": "yesterday"}, "since"),
        ({"near": "1,2"}, "near"),
        ({"near": "95,0,10"}, "near"),
        ({"format": "xml"}, "format"),
        ({"min_fatalities": -3}, "min_fatalities"),
    ],
)
def test_bad_query_parameters_are_422_naming_the_parameter(client, params, fragment):
    response = client.get("/events", params=params)
    assert response.status_code == 422
    assert fragment in response.text


def test_geojson_format(client):
    pytest.importorskip("flashpoint.store.export")
    body = client.get("/events", params={"format": "geojson", "country": "SY"}).json()
    assert body["type"] == "FeatureCollection"
    assert body["total"] == 2 and len(body["features"]) == 2
    points = sorted(tuple(f["geometry"]["coordinates"]) for f in body["features"])
    assert points == sorted([(36.63, 35.93), (36.80, 35.86)])


def test_event_detail_has_sources_and_offsets_into_the_article(client):
    event = client.get("/events/ev-strike").json()
    assert event["fatalities"]["value"] == 33
    assert [s["article_id"] for s in event["sources"]] == ["art-a"]
    article = client.get("/articles/art-a").json()
    ev = event["evidence"]
    assert article["text"][ev["sentence_start"] : ev["sentence_end"]] == ev["sentence"]
    assert article["text"][ev["start"] : ev["end"]] == "air strike"
    source_ev = event["sources"][0]["evidence"]
    assert article["text"][source_ev["sentence_start"] : source_ev["sentence_end"]] == source_ev["sentence"]


def test_unknown_ids_are_404(client):
    assert client.get("/events/no-such-event").status_code == 404
    response = client.get("/articles/no-such-article")
    assert response.status_code == 404 and "no-such-article" in response.json()["detail"]


def test_quotes_by_speaker_and_article(client):
    body = client.get("/quotes").json()
    assert [q["text"] for q in body["quotes"]] == ["We will respond,"]
    assert client.get("/quotes", params={"speaker": "minister"}).json()["quotes"][0]["speaker"] == "the defence minister"
    assert client.get("/quotes", params={"speaker": "nobody"}).json()["quotes"] == []
    assert client.get("/quotes", params={"article_id": "art-b"}).json()["quotes"] == []


def test_stats_by_week_type_and_country(client):
    stats = client.get("/stats").json()
    assert stats["total"] == 3
    assert stats["by_type"] == {"Explosions/Remote violence": 1, "Protests": 1, "Battles": 1}
    assert stats["by_country"] == {"SY": 2, "TR": 1}
    assert stats["by_week"] == [
        {"week": "2020-02-24", "events": 2, "fatalities": 33},
        {"week": "2020-03-09", "events": 1, "fatalities": 5},
    ]
    assert client.get("/stats", params={"country": "TR"}).json()["total"] == 1


def test_openapi_schema_documents_endpoints_and_bodies(client):
    schema = client.get("/openapi.json").json()
    assert {"/events", "/events/{event_id}", "/articles/{article_id}", "/quotes", "/stats", "/articles"} <= set(schema["paths"])
    body = schema["paths"]["/articles"]["post"]["requestBody"]["content"]
    assert set(body) == {"application/json", "text/plain"}
    assert "text" in body["application/json"]["schema"]["required"]
    event_schema = schema["components"]["schemas"]["Event"]
    assert {"evidence", "sources", "place", "fatalities"} <= set(event_schema["properties"])
    assert schema["components"]["securitySchemes"]["HTTPBearer"]["scheme"] == "bearer"
    # the web page is not part of the API
    assert "/" not in schema["paths"] and "/borders.geojson" not in schema["paths"]


# ---- writes -------------------------------------------------------------------

AUTH = {"Authorization": f"Bearer {TOKEN}"}


def test_writes_need_a_configured_token(store):
    with TestClient(create_app(Settings(token=None), store=store)) as c:
        response = c.post("/articles", json={"text": "Rebels attacked a town."})
        assert response.status_code == 403 and "FLASHPOINT_TOKEN" in response.json()["detail"]


@pytest.mark.parametrize("headers", [{}, {"Authorization": "Bearer wrong"}, {"Authorization": TOKEN}])
def test_writes_reject_missing_or_wrong_token(client, headers):
    response = client.post("/articles", json={"text": "Rebels attacked a town."}, headers=headers)
    assert response.status_code == 401
    assert response.headers["www-authenticate"] == "Bearer"


@pytest.mark.parametrize(
    "content, content_type, status, fragment",
    [
        (b"<a>x</a>", "application/xml", 415, "content-type"),
        (b"", "", 415, "content-type"),
        (b"{not json", "application/json", 422, ""),
        (b'{"text": 5}', "application/json", 422, "text"),
        (b'{"text": ""}', "application/json", 422, "text"),
        (b'{"text": "x", "colour": "red"}', "application/json", 422, "colour"),
        (b'{"text": "x", "date": "last tuesday"}', "application/json", 422, "date"),
        (b"\xff\xfe\x00", "text/plain", 422, "UTF-8"),
        (b"   \n  ", "text/plain", 422, ""),
    ],
)
def test_bad_bodies_are_clear_4xx(client, content, content_type, status, fragment):
    headers = dict(AUTH)
    if content_type:
        headers["Content-Type"] = content_type
    response = client.post("/articles", content=content, headers=headers)
    assert response.status_code == status, response.text
    assert fragment in response.json()["detail"]


def test_oversized_body_is_413(store):
    with TestClient(create_app(Settings(token=TOKEN, max_body_bytes=1000), store=store)) as c:
        response = c.post("/articles", content=b"word " * 400, headers={**AUTH, "Content-Type": "text/plain"})
        assert response.status_code == 413 and "1000" in response.json()["detail"]


def test_private_reads_need_the_token(store):
    with TestClient(create_app(Settings(token=TOKEN, private_reads=True), store=store)) as c:
        assert c.get("/events").status_code == 401
        assert c.get("/events", headers=AUTH).json()["total"] == 3
        assert c.get("/").status_code == 200  # the page itself is public; its data calls are not


def test_post_article_runs_the_pipeline_and_stores_it(tmp_path):
    text = "date 2021-05-03\n\nGunmen killed 12 villagers in an attack on Kaduna on Sunday, police said."
    with open_store(f"sqlite:///{tmp_path / 'w.db'}") as store, TestClient(
        create_app(Settings(token=TOKEN), store=store)
    ) as c:
        response = c.post("/articles", json={"text": text, "url": "https://example.org/kaduna",
                                             "outlet": "Example Daily"}, headers=AUTH)
        assert response.status_code == 201, response.text
        result = response.json()
        assert c.get(f"/articles/{result['article_id']}").json()["outlet"] == "Example Daily"
        assert result["events"] >= 1
        csv_text = c.get("/events", params={"format": "csv"}).text  # ACLED's source: the outlet, not its site
        assert "Example Daily" in csv_text and "example.org," not in csv_text
        assert result["duplicate"] is False
        article = c.get(f"/articles/{result['article_id']}").json()
        assert "Kaduna" in article["text"] and article["date"] == "2021-05-03"
        assert result["events"] == len(result["event_ids"]) == result["stored"]["events"]
        assert c.get("/events").json()["total"] >= (1 if result["events"] else 0)
        for event_id in result["event_ids"]:  # an extracted id leads to the event it was merged into
            assert c.get(f"/events/{event_id}").status_code == 200

        again = c.post("/articles", content=text.encode(), headers={**AUTH, "Content-Type": "text/plain"})
        assert again.status_code == 200 and again.json()["duplicate"] is True
        assert again.json()["article_id"] == result["article_id"]


def test_same_url_with_other_text_is_409(client):
    # art-a is stored with this URL; other text under it is a conflict, not a silent skip
    response = client.post(
        "/articles", json={"text": "Something else entirely happened.", "url": "https://example.org/a"}, headers=AUTH
    )
    assert response.status_code == 409 and "url" in response.json()["detail"]


def test_post_returns_the_merged_event_of_a_second_report(tmp_path):
    first = "date 2021-05-03\n\nGunmen killed 12 villagers in an attack on Kaduna on Sunday, police said."
    second = "date 2021-05-04\n\nArmed men killed 14 villagers in Kaduna on Sunday, residents said on Monday."
    with open_store(f"sqlite:///{tmp_path / 'm.db'}") as store, TestClient(
        create_app(Settings(token=TOKEN), store=store)
    ) as c:
        one = c.post("/articles", json={"text": first}, headers=AUTH).json()
        two = c.post("/articles", json={"text": second}, headers=AUTH).json()
        assert len(one["event_ids"]) == len(two["event_ids"]) == 1
        assert two["event_ids"] == [store.event(one["event_ids"][0]).id]  # one event, two sources
        merged = c.get(f"/events/{two['event_ids'][0]}").json()
        assert len(merged["sources"]) == 2


def test_counts_in_a_query_string_are_digits_only(client):
    for query in ("/quotes?offset=%2B0.0", "/quotes?limit=1e3", "/events?min_fatalities=3.0", "/events?offset=0x10"):
        assert client.get(query).status_code == 422, query
    assert client.get("/events?limit=5&offset=0").status_code == 200
