"""The site in a real browser: Debian's headless Chromium, driven by Selenium through the system chromedriver.

Run by tox's ``site`` env, after the py3X envs: it builds the site from their
results files and shows it as a person would. Elsewhere (no Selenium, no
Chromium) these tests are skipped, unless ROSETTA_BROWSER_TESTS=1 says they
must run. Screenshots go to artifacts/ (not committed).
"""

import json
import os

import pytest

from conftest import CATALOG, HAZARDS, TOPICS, cli

REQUIRED = os.environ.get("ROSETTA_BROWSER_TESTS") == "1"
CHROMIUM, CHROMEDRIVER = "/usr/bin/chromium", "/usr/bin/chromedriver"
ARTIFACTS = CATALOG.root / "artifacts"
# The site env shows the merged results of the whole tox run: every Python must be there.
MINORS = ["3.{}".format(minor) for minor in range(6, 15)]

if not REQUIRED:
    pytest.importorskip("selenium")
    if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
        pytest.skip("no /usr/bin/chromium and chromedriver (apt-get install chromium chromium-driver)",
                    allow_module_level=True)

from selenium import webdriver  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def built():
    """The site, built by the command a user runs, from the results the test envs wrote."""
    out = ARTIFACTS / "site"
    out.parent.mkdir(exist_ok=True)
    result = cli("site", str(out))
    assert result.returncode == 0, result.stderr
    matrix = json.loads(cli("matrix", "--format", "json").stdout)
    assert [p["minor"] for p in matrix["pythons"]] == MINORS, (
        "the site must show results from every Python: run the py36..py314 envs first")
    return out, matrix


@pytest.fixture(scope="module")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--hide-scrollbars"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _open(driver, built, page, width=1400, height=1000):
    driver.set_window_size(width, height)
    driver.get((built[0] / page).as_uri())
    return driver


def _console_errors(driver):
    return [entry for entry in driver.get_log("browser") if entry["level"] in ("SEVERE", "WARNING")]


def _requests(driver):
    """URLs the page asked for since the last call (Chrome's performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def _arrives(driver, suffix):
    """Wait for a key press's navigation to land (it is asynchronous), then say where we are."""
    WebDriverWait(driver, 10).until(lambda d: d.current_url.endswith(suffix))
    return True


def _shot(driver, name):
    ARTIFACTS.mkdir(exist_ok=True)
    assert driver.save_screenshot(str(ARTIFACTS / name))


def test_index_loads_without_console_errors_or_external_requests(browser, built):
    _open(browser, built, "index.html")
    entries = browser.find_elements(By.CSS_SELECTOR, "ul.entries li")
    assert len(entries) == len(TOPICS) + len(HAZARDS)
    assert browser.find_element(By.ID, "count").text == "{0} of {0} shown".format(len(entries))
    measured = browser.find_element(By.CSS_SELECTOR, "footer .measured").text
    assert all("CPython " + p["version"] in measured for p in built[1]["pythons"])
    _shot(browser, "index.png")
    assert _console_errors(browser) == []
    requests = _requests(browser)
    assert any(url.endswith("/site.js") for url in requests)  # the log sees the page's own requests
    assert [url for url in requests if not url.startswith(("file:", "data:"))] == []
    browser.execute_script("console.error('control')")  # and the console log sees an error
    assert "control" in str(_console_errors(browser))


def test_the_filter_narrows_the_list(browser, built):
    _open(browser, built, "index.html")
    box = browser.find_element(By.ID, "filter")
    box.send_keys("asyncio.async")
    shown = [li for li in browser.find_elements(By.CSS_SELECTOR, "ul.entries li") if li.is_displayed()]
    links = {li.find_element(By.TAG_NAME, "a").get_attribute("href").rsplit("/", 2)[-2:][1] for li in shown}
    assert 0 < len(shown) < len(TOPICS) + len(HAZARDS)
    assert {"AR106.html", "ensure_future.html"} <= links
    box.clear()
    box.send_keys("yield from get_event_loop")  # every word must match
    both = [li for li in browser.find_elements(By.CSS_SELECTOR, "ul.entries li") if li.is_displayed()]
    assert 0 < len(both) < len(TOPICS) + len(HAZARDS)
    box.clear()
    box.send_keys("no-such-api-anywhere")
    assert browser.find_element(By.CSS_SELECTOR, '.empty[data-for="topics"]').is_displayed()
    assert browser.find_element(By.ID, "count").text.startswith("0 of")
    _shot(browser, "index-filtered.png")
    assert _console_errors(browser) == []


def test_keyboard_moves_through_the_index_and_between_topics(browser, built):
    _open(browser, built, "index.html")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("j")
    body.send_keys("j")
    selected = browser.find_element(By.CSS_SELECTOR, "ul.entries li.selected a")
    assert selected.get_attribute("href").endswith("topics/{}.html".format(TOPICS[1]))
    body.send_keys(Keys.ENTER)
    assert _arrives(browser, "topics/{}.html".format(TOPICS[1]))
    browser.find_element(By.TAG_NAME, "body").send_keys("j")
    assert _arrives(browser, "topics/{}.html".format(TOPICS[2]))
    browser.find_element(By.TAG_NAME, "body").send_keys("k")
    assert _arrives(browser, "topics/{}.html".format(TOPICS[1]))
    assert "next topic" in browser.find_element(By.CSS_SELECTOR, "footer .keys").text
    browser.find_element(By.TAG_NAME, "body").send_keys("u")
    assert _arrives(browser, "index.html")
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys("/")
    assert browser.switch_to.active_element.get_attribute("id") == "filter"


def test_a_topic_page_shows_three_columns_with_highlighted_differences(browser, built):
    _open(browser, built, "topics/wait_timeout.html")
    columns = browser.find_elements(By.CSS_SELECTOR, ".columns .column")
    assert [c.get_attribute("data-style") for c in columns] == [s.name for s in CATALOG.styles]
    tops = {c.rect["y"] for c in columns}
    lefts = [c.rect["x"] for c in columns]
    assert len(tops) == 1 and lefts == sorted(lefts) and len(set(lefts)) == 3  # side by side
    first_lines = {c.find_element(By.CSS_SELECTOR, ".line").rect["y"] for c in columns}
    assert len(first_lines) == 1  # the code starts level, whatever the notes above it
    changed = browser.find_elements(By.CSS_SELECTOR, ".line.changed")
    plain = browser.find_elements(By.CSS_SELECTOR, ".line:not(.changed):not(.gap)")
    assert changed and plain
    assert changed[0].value_of_css_property("background-color") != plain[0].value_of_css_property("background-color")
    keyword = browser.find_element(By.CSS_SELECTOR, ".hl .k")  # Pygments' keyword class
    assert keyword.value_of_css_property("color") != plain[0].value_of_css_property("color")
    row = browser.find_elements(By.CSS_SELECTOR, "table.matrix thead th")
    assert [th.text for th in row[1:]] == [p["version"] for p in built[1]["pythons"]]
    _shot(browser, "topic-wait_timeout.png")
    assert _console_errors(browser) == []


def test_a_narrow_viewport_stacks_the_columns(browser, built):
    _open(browser, built, "topics/wait_timeout.html", width=420, height=1200)
    columns = browser.find_elements(By.CSS_SELECTOR, ".columns .column")
    lefts = {round(c.rect["x"]) for c in columns}
    tops = [c.rect["y"] for c in columns]
    assert len(lefts) == 1 and tops == sorted(tops) and len(set(tops)) == 3
    assert not any(gap.is_displayed() for gap in browser.find_elements(By.CSS_SELECTOR, ".line.gap"))
    _shot(browser, "topic-narrow.png")


def test_dark_theme_follows_the_system(browser, built):
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia",
                            {"features": [{"name": "prefers-color-scheme", "value": "dark"}]})
    try:
        _open(browser, built, "topics/hello.html")
        background = browser.find_element(By.TAG_NAME, "body").value_of_css_property("background-color")
        assert background == "rgba(13, 17, 23, 1)"
        _shot(browser, "topic-dark.png")
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": []})
    _open(browser, built, "topics/hello.html")
    light = browser.find_element(By.TAG_NAME, "body").value_of_css_property("background-color")
    assert light == "rgba(255, 255, 255, 1)"


def test_the_style_overhead_page_shows_a_row_per_interpreter(browser, built):
    _open(browser, built, "bench.html")
    rows = browser.find_elements(By.CSS_SELECTOR, "table tbody tr")
    assert [row.find_element(By.TAG_NAME, "th").text.rsplit(".", 1)[0] for row in rows] == MINORS
    _shot(browser, "bench.png")


def test_every_link_resolves_in_the_browser(browser, built):
    """Follow every link from every page: each opens a page of the site, with no console error
    and no request that leaves file://."""
    _open(browser, built, "index.html")
    _requests(browser)
    todo, seen = [(built[0] / "index.html").as_uri()], set()
    while todo:
        url = todo.pop()
        if url in seen:
            continue
        seen.add(url)
        browser.get(url)
        assert browser.find_elements(By.CSS_SELECTOR, "main h1"), url  # not Chrome's error page
        hrefs = browser.execute_script("return Array.from(document.querySelectorAll('a[href]'), a => a.href)")
        todo += [href.split("#")[0] for href in hrefs]
    assert len(seen) == len(TOPICS) + len(HAZARDS) + 4  # and index, guide, matrix, bench
    assert _console_errors(browser) == []
    assert [url for url in _requests(browser) if not url.startswith(("file:", "data:"))] == []

