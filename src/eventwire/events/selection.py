"""Which of a sentence's found events to keep: elaborations, one act of violence, means."""

from __future__ import annotations

from eventwire.events.arguments import ArgumentFinder
from eventwire.events.found import STATEMENT, Found


class EventSelector(ArgumentFinder):
    """Drops and folds a sentence's found events that restate another."""

    def drop_elaborations(self, events: list[Found]) -> list[Found]:
        """Events that only elaborate another event of the sentence: a clause or phrase
        hanging on an event of the same root ("held a phone call, discussing ...", "hosted X
        for an informal meeting"), the purpose of an event ("staged demonstrations to demand
        reforms": what they did is the demonstration), or the outcome of an act of violence
        ("opened fire, killing one person")."""
        tree = self.tree
        places = {(t, e.code[:2]) for e in events for t in (e.anchor, e.trigger)}
        anchors = {e.anchor for e in events} | {e.trigger for e in events}
        kept, means = [], set()
        for event in events:
            above = self.heads_above(event.anchor)
            if self.outcome_of_violence(event, events):
                continue  # first: whom it names goes to the act ("exploded, killing X")
            if any((h, event.code[:2]) in places for h in above) and not self.joint_act(event):
                continue
            clause = self.first_conjunct(event.anchor)  # "to stand ... and call for X"
            head = tree.head(clause)
            purpose = tree.dep(clause) == "advcl" and tree.is_infinitive(clause)
            folded = purpose and head != clause and head in anchors
            if folded and not self.protest_by_force(event, head, events):
                if not self.protest_by_other_means(event, head, events):
                    continue
                means.add(head)  # "shunned work to protest the settlements": a protest
            kept.append(event)
        kept = [e for e in kept if e.anchor not in means or e.code[:2] == self.lex.protest_root]
        kept = [e for e in kept if not self.subordinate_to(e, kept)]
        return self.one_act_of_violence(kept)

    def joint_act(self, event: Found) -> bool:
        """ "shot and killed X": a violent verb coordinated with one that has no object of
        its own is one act with it, named by the last (``one_act_of_violence``), not an
        elaboration of the first ("killed three and wounded six" is: the killing)."""
        tree, anchor = self.tree, event.anchor
        if not self.is_violent(event.code) or tree.dep(anchor) != "conj":
            return False
        head = tree.head(anchor)
        return head != anchor and not tree.kids(head, "dobj")

    def first_conjunct(self, verb: int) -> int:
        """The first verb of a coordination a verb with no subject of its own ends ("gathered
        to stand before the legislature and call for elections": call -> stand)."""
        tree = self.tree
        while tree.dep(verb) == "conj" and not tree.kids(verb, "nsubj", "nsubjpass"):
            if tree.head(verb) == verb or tree.pos(tree.head(verb)) != "VERB":
                break
            verb = tree.head(verb)
        return verb

    def one_act_of_violence(self, events: list[Found]) -> list[Found]:
        """ "was shot and killed by police", "attacked and wounded": coordinated acts of
        violence with one subject are one act, named by the last verb (its outcome)."""
        tree = self.tree
        violent = [e for e in events if self.is_violent(e.code) and tree.pos(e.anchor) == "VERB"]
        anchors = {e.anchor for e in violent}
        firsts = {
            tree.head(e.anchor)
            for e in violent
            if tree.dep(e.anchor) == "conj"
            and tree.head(e.anchor) in anchors
            and not tree.kids(e.anchor, "nsubj", "nsubjpass")
        }
        return [e for e in events if not (e in violent and e.anchor in firsts)]

    def subordinate_to(self, event: Found, events: list[Found]) -> bool:
        """Whether an event only accompanies the sentence's main event: a participle with no
        subject of its own hanging on another event's verb ("rejected the proposal, urging
        X to ...", "pledged to stand united, warning Y") or noun ("issued an ultimatum
        demanding that Iraq withdraw": whom it names is the main event's target when that
        names no one), or a clause that a subordinator opens on it ("killed three people as
        police fought protesters": `subordinate_marks`), or a relative clause describing a
        participant ("Sharon, who has vowed ..."). The main clause's act is the one the
        sentence reports."""
        tree, node = self.tree, event.anchor
        others = [e for e in events if e is not event and e.code[:2] != STATEMENT[:2]]
        anchors = {e.anchor for e in others}
        if (
            tree.dep(node) == "acl"
            and tree.tokens[node][4] == "VBG"
            and not tree.kids(node, "nsubj")
        ):
            hosts = [e for e in others if tree.head(node) in (e.trigger, e.holder)]
            for host in hosts:
                if not any(tree.named(t) for t in host.targets):
                    host.targets = self.prefer_named(host.targets + event.targets)
            return bool(hosts)
        for _ in range(4):
            dep, head = tree.dep(node), tree.head(node)
            if head == node:
                return False
            if dep == "advcl" and head in anchors:
                marks = {tree.lemma(m) for m in tree.kids(node, "mark")}
                own_subject = tree.kids(node, "nsubj", "nsubjpass")
                participle = tree.tokens[node][4] == "VBG" and not own_subject and not marks
                return participle or bool(marks & self.words["subordinate_marks"])
            if dep == "relcl":  # "Sharon, who has vowed not to return the Golan Heights"
                inside = set(tree.subtree(node))
                return any(e.anchor not in inside for e in others)
            if dep not in ("conj", "xcomp", "advcl"):
                return False
            node = head
        return False

    def protest_by_force(self, event: Found, head: int, events: list[Found]) -> bool:
        """ "Hundreds of Kurds occupied the Greek embassy to protest the arrest": a protest
        whose means is force is both (the protest is kept beside the act of force)."""
        if event.code[:2] != self.lex.protest_root:
            return False
        return any(e.anchor == head and self.is_violent(e.code) for e in events)

    def protest_by_other_means(self, event: Found, head: int, events: list[Found]) -> bool:
        """ "Palestinians shunned work to protest the settlements": a protest whose means is
        a refusal (`protest_means`: shunning, snubbing) by a people or a crowd is the protest,
        the means dropped: protesting by deed, as a crowd does (`crowd_codes`: 114 -> 141)."""
        code = self.lex.crowd_codes.get(event.code, event.code)
        hosts = [e for e in events if e.anchor == head]
        if code[:2] != self.lex.protest_root or not hosts:
            return False
        if not all(e.code.startswith(tuple(self.words["protest_means"])) for e in hosts):
            return False  # "was recalled to protest the arrests": a diplomatic act stays
        doer = self.subject_word(head)
        if doer is None or not self.populace(doer):
            return False  # "ministers snubbed the summit to protest X": a refusal stays
        event.code = code
        return True

    def outcome_of_violence(self, event: Found, events: list[Found]) -> bool:
        """ "opened fire on demonstrators, killing one person": the killing is what the
        shooting did (a participle with no subject of its own after an act of violence)."""
        tree, anchor = self.tree, event.anchor
        if tree.dep(anchor) != "advcl" or tree.tokens[anchor][4] != "VBG":
            return False
        if tree.kids(anchor, "nsubj", "nsubjpass") or not self.is_violent(event.code):
            return False
        head = tree.head(anchor)
        acts = [e for e in events if e.anchor == head and self.is_violent(e.code)]
        for act in acts:  # whom the killing names is whom the shooting was aimed at
            if not any(tree.named(t) for t in act.targets):
                act.targets = self.prefer_named(act.targets + event.targets)
        return bool(acts)

    def fold_means(self, events: list[Found]) -> list[Found]:
        """ "Israeli air strikes killed ten civilians": one act of violence, named by its
        means (the event noun as subject) and aimed at what the verb's object names."""
        tree, by_trigger = self.tree, {e.trigger: e for e in events}
        dropped = set()
        for event in events:
            holder = event.holder if event.holder is not None else event.trigger
            outcome = by_trigger.get(tree.head(holder))
            if tree.pos(event.trigger) == "VERB" or tree.dep(holder) != "nsubj" or not outcome:
                continue
            if self.is_violent(event.code) and self.is_violent(outcome.code):
                event.targets = self.prefer_named(event.targets + outcome.targets)
                dropped.add(outcome.trigger)
        return [e for e in events if e.trigger not in dropped]

    def heads_above(self, anchor: int) -> list[int]:
        """The tokens an event's clause (its anchor) hangs on, up to three steps above it."""
        tree, found, node = self.tree, [], anchor
        for _ in range(3):
            dep, head = tree.dep(node), tree.head(node)
            if head == node or dep in ("ROOT", "ccomp", "relcl", "parataxis"):
                break
            if dep not in ("advcl", "conj", "xcomp", "prep", "pobj"):
                break
            found.append(head)
            node = head
        return found
