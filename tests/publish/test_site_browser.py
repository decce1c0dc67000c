"""The site in a real browser: Debian's headless Chromium, driven by Selenium through the system chromedriver.

Run by tox's ``site`` env, after the py3X envs: it builds the site from their
results files and shows it as a person would. Elsewhere (no Selenium, no
Chromium) these tests are skipped, unless ROSETTA_BROWSER_TESTS=1 says they
must run. Screenshots go to artifacts/ (not committed): each kind of page, whole,
at a phone's width (390 px) and a desktop's (1280 px).
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
PHONE, DESKTOP = 390, 1280
# One page of each kind, shot whole at both widths.
SHOTS = ["index.html", "guide.html", "matrix.html", "bench.html", "topics/wait_timeout.html", "hazards/AR101.html"]

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


def _whole_page_shot(driver, name, width):
    """The whole page (up to 8,000 px of it) at *width*, as one PNG."""
    height = min(driver.execute_script("return document.documentElement.scrollHeight"), 8000)
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
    try:
        _shot(driver, name)
    finally:
        driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})


def _js(driver, script, *args):
    return driver.execute_script(script, *args)


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
    marks = browser.find_elements(By.CSS_SELECTOR, ".line.changed mark")
    plain = browser.find_elements(By.CSS_SELECTOR, ".line:not(.changed):not(.gap)")
    assert marks and plain
    assert marks[0].value_of_css_property("background-color") != plain[0].value_of_css_property("background-color")
    edge = "border-left-color"
    reindented = browser.find_element(By.CSS_SELECTOR, ".line.reindented")
    assert reindented.value_of_css_property("border-left-style") == "dotted"
    assert reindented.value_of_css_property(edge) != plain[0].value_of_css_property(edge)
    keyword = browser.find_element(By.CSS_SELECTOR, ".hl .k")  # Pygments' keyword class
    assert keyword.value_of_css_property("color") != plain[0].value_of_css_property("color")
    row = browser.find_elements(By.CSS_SELECTOR, "table.matrix thead th")
    assert [th.text for th in row[1:]] == [p["version"] for p in built[1]["pythons"]]
    _shot(browser, "topic-wait_timeout.png")
    assert _console_errors(browser) == []


def test_a_narrow_viewport_stacks_the_columns(browser, built):
    _open(browser, built, "topics/wait_timeout.html", width=PHONE, height=1200)
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



def test_no_page_scrolls_sideways_on_a_phone_or_a_desktop(browser, built):
    """Every page at 390 and 1280 px: nothing wider than the window (a long name wraps, a table
    scrolls in its own box); one page of each kind shot whole at both widths."""
    pages = sorted(str(path.relative_to(built[0])) for path in built[0].rglob("*.html"))
    assert len(pages) == len(TOPICS) + len(HAZARDS) + 4
    wide = []
    for width in (PHONE, DESKTOP):
        for page in pages:
            _open(browser, built, page, width=width, height=900)
            scroll, inner = _js(browser, "return [document.documentElement.scrollWidth, window.innerWidth]")
            assert inner == width
            if scroll > inner:
                wide.append((page, width, scroll))
            if page in SHOTS:
                _whole_page_shot(browser, "{}-{}.png".format(page.replace("/", "-")[:-len(".html")], width), width)
    assert wide == []
    assert _console_errors(browser) == []


def test_code_wraps_in_its_column_and_the_rows_stay_level(browser, built):
    for width in (PHONE, DESKTOP):
        _open(browser, built, "topics/wait_timeout.html", width=width, height=900)
        clipped = _js(browser, """return Array.from(document.querySelectorAll('.code .src'))
            .filter(e => e.scrollWidth > e.clientWidth).length""")
        assert clipped == 0, width
    # Side by side, a wrapped line makes its row as tall in every column.
    tops = _js(browser, """return Array.from(document.querySelectorAll('.columns .code'),
        code => Array.from(code.querySelectorAll('.line'), line => Math.round(line.getBoundingClientRect().top)))""")
    assert len(tops) == 3 and len(set(map(len, tops))) == 1
    assert tops[0] == tops[1] == tops[2]
    heights = _js(browser, "return Array.from(document.querySelectorAll('.columns .code .line'), l => l.offsetHeight)")
    assert max(heights) > 2 * min(h for h in heights if h)  # some lines did wrap here


def test_a_docstring_folds_in_every_column(browser, built):
    _open(browser, built, "topics/wait_timeout.html", width=DESKTOP, height=900)
    folds = browser.find_elements(By.CSS_SELECTOR, ".columns details.doc")
    assert len(folds) == 3 and all(fold.get_attribute("open") is not None for fold in folds)
    folds[1].find_element(By.TAG_NAME, "summary").click()
    WebDriverWait(browser, 10).until(lambda d: all(f.get_attribute("open") is None for f in folds))
    tops = {c.find_elements(By.CSS_SELECTOR, ".line")[-1].rect["y"] for c in browser.find_elements(By.CSS_SELECTOR, ".columns .code")}
    assert len(tops) == 1  # still level
    _shot(browser, "topic-folded.png")
    folds[0].find_element(By.TAG_NAME, "summary").click()
    WebDriverWait(browser, 10).until(lambda d: all(f.get_attribute("open") is not None for f in folds))


def test_the_matrix_keeps_its_head_and_styles_in_view_on_a_phone(browser, built):
    _open(browser, built, "matrix.html", width=PHONE, height=800)
    box = browser.find_element(By.CSS_SELECTOR, ".sticky")
    _js(browser, "arguments[0].scrollTop = 900; arguments[0].scrollLeft = 300;", box)
    WebDriverWait(browser, 10).until(lambda d: _js(d, "return arguments[0].scrollLeft", box) > 0)
    at = _js(browser, """var box = arguments[0].getBoundingClientRect();
        var head = arguments[0].querySelector('thead th:nth-child(2)').getBoundingClientRect();
        var rows = Array.from(arguments[0].querySelectorAll('tbody tr:not(.group) th')).filter(function (th) {
            var r = th.getBoundingClientRect(); return r.top > box.top + 40 && r.bottom < box.bottom; });
        return [box.top, box.left, head.top, rows.length, rows.length && rows[0].getBoundingClientRect().left];""", box)
    box_top, box_left, head_top, visible, first_left = at
    assert abs(head_top - box_top) <= 2       # the Pythons stay on top
    assert visible and abs(first_left - box_left) <= 2  # and the styles on the left
    cut = _js(browser, """return Array.from(document.querySelectorAll('.sticky tbody th')).filter(function (th) {
        return th.scrollWidth > th.clientWidth; }).map(function (th) { return th.textContent; })""")
    assert cut == []  # generator_coroutine wraps at its underscore, not cut off
    _shot(browser, "matrix-phone-scrolled.png")


def test_the_index_has_two_sections_with_counts_that_follow_the_filter(browser, built):
    for width in (PHONE, DESKTOP):
        _open(browser, built, "index.html", width=width, height=900)
        assert _js(browser, "return document.documentElement.scrollHeight") < 9000, width
    sections = browser.find_elements(By.CSS_SELECTOR, ".sections > section")
    assert len(sections) == 2 and sections[0].rect["y"] == sections[1].rect["y"]  # side by side at 1280
    assert sections[0].find_element(By.CSS_SELECTOR, ".shown").text == "({})".format(len(TOPICS))
    browser.find_element(By.ID, "filter").send_keys("asyncio.async")
    counts = [s.find_element(By.CSS_SELECTOR, ".shown").text for s in sections]
    assert counts[0].endswith(" of {})".format(len(TOPICS))) and counts[1].endswith(" of {})".format(len(HAZARDS)))


def test_a_hazard_page_shows_the_fix_before_and_after_and_what_the_probe_printed(browser, built):
    _open(browser, built, "hazards/AR101.html", width=DESKTOP)
    figures = browser.find_elements(By.CSS_SELECTOR, ".fix figure")
    assert [f.find_element(By.TAG_NAME, "figcaption").text for f in figures] == ["before", "after"]
    assert figures[0].rect["y"] == figures[1].rect["y"] and figures[0].rect["x"] < figures[1].rect["x"]
    assert [m.text for m in figures[1].find_elements(By.TAG_NAME, "mark")] == ["async", "await", "await"]
    printed = [h.text for h in browser.find_elements(By.XPATH, "//h2[text()='What the probe printed']/following-sibling::h3")]
    assert printed[0].startswith("3.6.") and any(text.endswith("fails") for text in printed)
