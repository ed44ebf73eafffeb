"""Casualties: deaths, injuries and captures read from one sentence, and the many figures that are not."""

from __future__ import annotations

import pytest

from frontlines.casualties import find_casualties


@pytest.mark.parametrize(
    ("sentence", "killed", "wounded", "captured"),
    [
        ("15 soldiers were killed in the attack.", 15, 0, 0),
        ("The blast went off, killing at least 12 civilians.", 12, 0, 0),
        ("Gunmen killed three people and wounded five.", 3, 5, 0),
        ("The ambush left 5 dead.", 5, 0, 0),
        ("The death toll rose to 30.", 30, 0, 0),
        ("The death toll rose to 30, including 5 children.", 30, 0, 0),
        ("The death toll rose from 10 to 30.", 30, 0, 0),
        ("A policeman was shot dead in Kabul.", 1, 0, 0),
        ("Two militants died in the clash.", 2, 0, 0),
        ("Dozens of people were killed.", 12, 0, 0),
        ("The bodies of 4 men were found near the road.", 4, 0, 0),
        ("Police found 4 bodies in the river.", 4, 0, 0),
        ("Insurgents killed a guard at the checkpoint.", 1, 0, 0),
        ("A guard outside a UN compound near the airport was killed on Friday in what the UN described as a "
         "deliberate Taliban attack.", 1, 0, 0),
        ("An officer was killed.", 1, 0, 0),
        ("Gunmen shot dead a university lecturer and poet outside his home.", 1, 0, 0),
        ("Soldiers killed a cow that strayed onto the range.", 0, 0, 0),
        ("A drone hit a car carrying two commanders, killing both.", 2, 0, 0),
        ("Both sides suffered losses in the fighting.", 0, 0, 0),
        ("Relatives said ten members of one family, including seven children, were killed.", 10, 0, 0),
        ("Gunmen shot dead a television presenter and her driver on their way to work.", 2, 0, 0),
        ("A drone strike killed a commander of Harakat al-Nujaba and his aide.", 2, 0, 0),
        ("He and his wife fled the fighting.", 0, 0, 0),
        ("Three soldiers and an unknown number of militants were killed.", 3, 0, 0),
        ("A crowd dragged 13 suspected gang members out and stoned and burned them to death.", 13, 0, 0),
        ("Police arrested 5 men and later released them.", 0, 0, 0),
        ("Clashes left eight soldiers and an unknown number of insurgents dead, an official said.", 8, 0, 0),
        ("Maoists blew up a vehicle, killing eight policemen and their driver.", 9, 0, 0),
        ("Gunmen killed two farmers and their families fled.", 2, 0, 0),
        ("A mob of students stoned a female classmate to death.", 1, 0, 0),
        ("Residents beat two suspected robbers to death.", 2, 0, 0),
        ("Villagers beat him to death.", 1, 0, 0),
        ("A crowd beat a woman to death after accusing her of kidnapping and killing a girl.", 1, 0, 0),
        ("Police arrested a man suspected of killing two people.", 0, 0, 0),
        ("He was shot dead outside his home.", 1, 0, 0),
        ("A 20-year-old man was killed.", 1, 0, 0),
        ("Militants killed 5 soldiers; 3 attackers also died.", 8, 0, 0),
        ("Killed 5 soldiers and 3 civilians.", 8, 0, 0),
        ("3 soldiers and 2 civilians were killed.", 5, 0, 0),
        ("A total of 30 people were killed, 10 of them police officers.", 30, 0, 0),
        ("The attack killed 20 people, including 5 children.", 20, 0, 0),
        ("Five civilians, including two children, were killed.", 5, 0, 0),
        ("Two children were among those killed.", 2, 0, 0),
        ("The attackers wounded 20 people.", 0, 20, 0),
        ("Two people were injured.", 0, 2, 0),
        ("Five people were killed and 12 wounded.", 5, 12, 0),
        ("Twelve soldiers killed, 8 wounded in Kunduz ambush", 12, 8, 0),
        ("Three policemen were wounded and two others were killed.", 2, 3, 0),
        ("A roadside bomb killed two police officers and injured three civilians on Sunday.", 2, 3, 0),
        ("The Taliban captured 12 soldiers.", 0, 0, 12),
        ("Militants abducted 7 aid workers.", 0, 0, 7),
        ("An airstrike killed 15 Taliban in Helmand.", 15, 0, 0),
        ("The soldier killed 3 militants.", 3, 0, 0),
        ("5 people killed in blast", 5, 0, 0),
        ("Two soldiers have died of their wounds.", 2, 0, 0),
        ("The army said it had killed more than 100 militants.", 100, 0, 0),
        ("At least 50 Taliban fighters were killed in airstrikes, the ministry said.", 50, 0, 0),
        ("Seven members of the same family were killed when a mortar hit their house.", 7, 0, 0),
        ("The Taliban said they had captured the district and killed 20 soldiers.", 20, 0, 0),
        ("The bomber killed himself and 3 others.", 4, 0, 0),
        ("A suicide bomber blew himself up at a mosque, killing 14 worshippers.", 14, 0, 0),
        ("Scores of villagers were massacred.", 12, 0, 0),
        ("Nearly 30 people were killed.", 30, 0, 0),
    ],
)
def test_counts(sentence: str, killed: int, wounded: int, captured: int) -> None:
    c = find_casualties(sentence)
    assert (c.killed, c.wounded, c.captured) == (killed, wounded, captured)


@pytest.mark.parametrize(
    "sentence",
    [
        "Kamin believes that if it falls, five or six other provinces in the region will be lost as well.",
        "Insurgents are reportedly still within 2km of the city centre.",
        "The fighting within the city was the worst in 20 years.",
        "Some 35 soldiers joined the Taliban last week.",
        "The Taliban captured 3 districts.",
        "They burned 100 houses.",
        "The militants had suffered significant casualties.",
        "Government forces suffered heavy casualties.",
        "There were 20 casualties.",
        "No one was killed in the attack.",
        "Nobody was hurt.",
        "None of the 20 passengers were hurt.",
        "15 soldiers were not killed.",
        "The attack killed or wounded 20 people.",
        "20 people were killed or wounded.",
        "An official said the guards were killed.",
        "Soldiers were killed in the clash.",
        "There are reports of fighting in at least five different locations.",
        "Tens of thousands of people have been displaced.",
        "The 2,000-strong force killed nobody.",
    ],
)
def test_not_casualties(sentence: str) -> None:
    c = find_casualties(sentence)
    assert (c.killed, c.wounded, c.captured) == (0, 0, 0), sentence
    assert c.spans == ()


def test_vague_flag_and_spans() -> None:
    text = "Dozens of people were killed in the market."
    c = find_casualties(text)
    assert c.killed == 12 and c.killed_vague
    assert [text[a:b] for a, b in c.spans] == ["Dozens of people were killed"]


def test_exact_figure_is_not_vague() -> None:
    c = find_casualties("Gunmen killed 12 civilians.")
    assert c.killed == 12 and not c.killed_vague


def test_spans_cover_each_figure() -> None:
    text = "Gunmen killed three people and wounded five."
    c = find_casualties(text)
    assert [text[a:b] for a, b in c.spans] == ["killed three people", "wounded five"]


def test_toll_replaces_the_sum() -> None:
    c = find_casualties("Gunmen killed 5 soldiers and the death toll rose to 30.")
    assert c.killed == 30


def test_wounded_is_not_killed() -> None:
    c = find_casualties("The blast wounded 20 and injured a child.")
    assert (c.killed, c.wounded) == (0, 21)


def test_figures_from_news_wording():
    cases = {
        "At least 11 members of the security forces were killed, a provincial council member said.": 11,
        "Islamic State claimed the attack, which killed at least 170 Afghans and 13 American service members.": 183,
        "At least 22 security personnel were killed in a gun battle, officials said, revising an initial toll "
        "of five.": 22,
        "Dozens of soldiers and militiamen were killed.": 12,
        "Police hanged the bodies of four alleged kidnappers in the square.": 4,
    }
    for text, killed in cases.items():
        assert find_casualties(text).killed == killed, text


@pytest.mark.parametrize("text,killed", [
    ("10 civilians from one family, including 7 children, were killed.", 10),
    ("Three women and six children from a Mormon family were killed on Monday.", 9),
    ("1 waiter was killed and 4 customers injured.", 1),
    ("At least 30 patients and companions were killed.", 30),
    ("A woman who had gone to ask about a school place was beaten to death by a mob on Saturday.", 1),
    ("Two soldiers who were guarding the gate were killed.", 2),
    ("Two men were beaten and burned alive by a mob.", 2),
    ("Militiamen hacked and shot to death at least 60 displaced people overnight.", 60),
    ("12 cows were killed.", 0),
    ("A family of five was killed when a shell hit their house.", 5),
    ("The villagers and their families fled.", 0),
])
def test_victims_named_by_any_noun_relative_clauses_and_coordinated_acts(text, killed):
    assert find_casualties(text).killed == killed


def test_the_death_a_crowd_demands_justice_for_is_not_counted():
    text = "Thousands of women marched to demand justice for a trainee doctor raped and killed at a hospital."
    assert find_casualties(text).killed == 0


def test_two_estimates_of_one_toll_give_the_lower_and_acronyms_are_names():
    text = "At least 36 civilians were killed, according to local officials; the Taliban put the toll at 47."
    assert find_casualties(text).killed == 36
    assert find_casualties("9 IS militants were killed, according to the governor's office.").killed == 9
    assert find_casualties("At least 23 Sadr supporters were killed.").killed == 23


def test_a_subset_aside_and_a_modifier_before_the_head_noun():
    assert find_casualties("6 people, 2 of them ANA personnel, were killed and over 100 wounded.").killed == 6
    assert find_casualties("1 Taliban border guard was killed and 10 civilians were wounded.").killed == 1
