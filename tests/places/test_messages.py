"""One message for a province Phlov does not know, everywhere, in the reader's language."""

import re

KHMER = re.compile(r"[\u1780-\u17ff]")


def test_the_youth_form_names_the_closest_provinces_in_khmer_for_a_khmer_reader(login_as):
    client, _ = login_as("counselor")
    client.post("/lang/km", data={"next": "/"})
    html = client.get("/youth", query_string={"province": "Kampong"}).get_data(as_text=True)
    assert "យើងមិនស្គាល់ខេត្ត “Kampong”" in html
    assert "កំពង់ចាម" in html  # Kampong Cham, as a Khmer reader writes it
    assert "Kampong Cham" not in html


def test_the_same_words_on_the_search_page_and_in_the_youth_form(client, login_as):
    search = client.get("/openings", query_string={"province": "Atlantis"}).get_data(as_text=True)
    staff, _ = login_as("counselor")
    youth = staff.get("/youth", query_string={"province": "Atlantis"}).get_data(as_text=True)
    assert "We do not know the province “Atlantis”." in search
    assert "We do not know the province “Atlantis”." in youth
