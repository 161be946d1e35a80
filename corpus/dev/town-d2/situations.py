#!/usr/bin/env python3
"""Step 3: hand-written situations for Zennfurt, labelled after writer.md (needs NOW, main concern first;
emergency only for acute danger). Written WITHOUT looking at any grade; `relevant` is added later by
grade.py. Output: situations.jsonl (no `relevant`).

Fields per line: text, district (id or None), age (int or None), needs, emergency, style.
Ids zf01..zf59 are given after a fixed shuffle (seed 49) so that emergencies and traps are spread out.
"""
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))

L = []


def q(text, district, age, needs, emergency, style):
    L.append({"situation": text, "district": district, "age": age, "needs": needs,
              "emergency": emergency, "style": style})


# ---- emergencies (12) ------------------------------------------------------------------------
q("Ich hab meine Katze zu meiner Schwester gebracht und allen einen Brief geschrieben. Eigentlich wollte ich nur fragen, "
  "wer sich dann um die Wohnung kümmert, wenn ich nicht mehr da bin.",
  None, None, ["NOT.KRISE", "SEE.PSY"], True, "resident")
q("Mein Freund hat mich gestern gewürgt und gesagt, beim nächsten Mal überlebe ich das nicht. Er hat noch einen Schlüssel "
  "zur Wohnung. Ich brauche einen Platz für mich und meine Tochter (3), und zwar heute noch.",
  "hoheleite", 29, ["NOT.HGEW"], True, "resident")
q("bin 16 und mein stiefvater schlägt meine mutter und jetzt auch mich. ich will nach der schule da nicht mehr hin. wo kann ich hin",
  "schafhof", 16, ["NOT.KSCH", "NOT.HGEW"], True, "chat")
q("Nebenan wohnt eine Frau mit zwei kleinen Kindern, vielleicht 2 und 5. Seit Tagen höre ich die Kleinen nachts weinen, die "
  "Mutter sehe ich kaum, und gestern stand der Große barfuß im Treppenhaus und hat mich gefragt, ob ich was zu essen habe. "
  "Ich weiß nicht, ob ich mich da einmischen darf.",
  "suedstadt", None, ["NOT.KSCH"], True, "relative")
q("Fallnotiz Kita Regenbogen, Gruppe Füchse: L. (4 J.) kam heute zum dritten Mal innerhalb von zwei Wochen mit Hämatomen an "
  "beiden Oberarmen, die wie Griffspuren aussehen. Auf Nachfrage sagte L., der \"Freund von Mama\" werde \"ganz laut und "
  "packt mich\", wenn sie einnässt. Die Mutter wirkte beim Abholen gehetzt und wollte nicht sprechen. Die insoweit erfahrene "
  "Fachkraft ist hinzugezogen, Fotos und Gesprächsvermerk liegen vor. Wir brauchen heute noch Kontakt zum zuständigen "
  "Dienst, weil L. um 15 Uhr wieder abgeholt wird.",
  "kreuzacker", 4, ["NOT.KSCH"], True, "case_note")
q("Vermieter hat heute das Schloss ausgetauscht, während ich auf Arbeit war. Meine Sachen stehen in Müllsäcken im Hof. "
  "Ich kenn hier niemanden und heute Nacht soll es Frost geben.",
  "altstadt", 47, ["WOH.WLOS"], True, "resident")
q("My parents kicked me out tonight because of my boyfriend. I'm 17, I have my phone and 20 euros and I'm sitting at the "
  "train station in Zennfurt. Where can I sleep?",
  "suedstadt", 17, ["NOT.KSCH", "WOH.WLOS"], True, "english")
q("Something happened at a party on Saturday, a guy from my course did things I did not agree to. I can't stop shaking and "
  "I don't know if I should go to the police or to a doctor first. I'm an exchange student and don't know anyone here.",
  None, 22, ["NOT.SEXG"], True, "english")
q("Mein Vater (81) sagt seit Mutters Tod, er sei nur noch eine Last. Heute habe ich in seiner Nachttischschublade einen "
  "ganzen Vorrat Schlaftabletten gefunden, fein säuberlich gesammelt. Er lebt allein in Dornach, ich wohne 200 km weg.",
  "dornach", 81, ["NOT.KRISE", "SEE.PSY"], True, "relative")
q("Meine Frau geht auf mich los, sobald sie ein paar Gläser intus hat, gestern mit einem Küchenmesser. Ich schäme mich "
  "total, wer glaubt das schon einem Mann. Ich trau mich heute nicht nach Hause.",
  "kreuzacker", 41, ["NOT.MANN"], True, "resident")
q("Hallo, mein Mann er schlägt mich, auch vor die Kinder. Heute er sagt, er macht mich tot wenn ich gehe zu Polizei. "
  "Ich spreche nicht gut Deutsch. Bitte wohin kann ich gehen mit meine Kinder",
  "schafhof", 33, ["NOT.HGEW"], True, "learner")
q("mein kumpel hat voll viele tabletten genommen und wodka dazu, er lallt nur noch und pennt immer wieder weg. "
  "ich will nich dass er ärger kriegt was soll ich machen",
  None, 19, ["NOT.KRISE"], True, "chat")

# ---- everyday needs ----------------------------------------------------------------------------
q("hallo, mein strom wird nächste woche abgestellt, hab nen brief vom stadtwerk bekommen, 480 euro offen. was kann ich tun??",
  "muehlanger", 38, ["GEL.ENERG"], False, "chat")
q("Seit mein Mann letztes Jahr gestorben ist, rede ich manchmal tagelang mit keinem Menschen. Die Kinder wohnen in Hamburg "
  "und München. Gibt es hier etwas, wo man unter Leute kommt?",
  "unterzenn", 74, ["SEE.EINS", "ALT.SEN"], False, "resident")
q("Ich bin 52, seit der Scheidung allein in der Wohnung und wegen dem Rücken Frührentner. Abends fällt mir die Decke auf "
  "den Kopf. Wo kann ich einfach mal hingehen, Kaffee trinken, Leute treffen, ohne dass es gleich ein Verein ist?",
  "muehlanger", 52, ["SEE.EINS", "GEM.TREFF"], False, "resident")
q("Wir haben inzwischen bei fünf Firmen Schulden: Handyvertrag, Versandhaus, ein Kredit fürs Auto, und jetzt kam noch ein "
  "Brief vom Inkassobüro. Mein Mann sagt, das wird schon, aber ich kann nachts nicht mehr schlafen.",
  None, 44, ["GEL.SCHULD"], False, "resident")
q("Die Tafel in Hagenbuch hatte doch immer mittwochs auf, jetzt stand ich zweimal vor verschlossener Tür. Ich hab kein Auto. "
  "Wo krieg ich sonst günstig was zu essen her? Das Geld reicht bis zum 20., dann ist Schluss.",
  "hagenbuch", 63, ["VER.TAFEL"], False, "resident")
q("unser jugendtreff in der hohen leite ist zu und jetzt hängen wir nur noch am parkplatz vom supermarkt rum. gibts noch "
  "was wo man nachmittags hin kann? bin 15",
  "hoheleite", 15, ["FAM.JUG"], False, "chat")
q("Ich habe meine Stelle im Lager verloren, das Arbeitslosengeld reicht hinten und vorne nicht für mich und die zwei "
  "Kinder. Kann ich da noch etwas dazu beantragen?",
  "suedstadt", 36, ["GEL.BGELD", "GEL.WOGELD"], False, "resident")
q("Meine Rente ist 1.080 Euro, die Miete 620 warm. Eine Nachbarin meint, ich soll einen Mietzuschuss beantragen. "
  "Wo macht man das und was brauche ich dafür?",
  None, 71, ["GEL.WOGELD"], False, "resident")
q("Betreuungsnotiz: Herr K., 58 J., bezieht seit 2019 eine unbefristete volle Erwerbsminderungsrente von 640 Euro, kein "
  "Vermögen, lebt allein. Bisher wurde kein Antrag auf aufstockende Leistungen gestellt. Bitte zuständige Stelle nennen.",
  "altstadt", 58, ["GEL.GRUSI"], False, "professional")
q("Die Klassenfahrt nach Berlin kostet 380 Euro, wir bekommen Kinderzuschlag. Mein Sohn soll nicht als Einziger zu "
  "Hause bleiben müssen. Gibt es dafür einen Zuschuss?",
  None, 13, ["GEL.BUT"], False, "relative")
q("Heute kam die fristlose Kündigung wegen zwei Monatsmieten Rückstand. Ich war in Kurzarbeit und hab's einfach nicht "
  "gepackt. Ich will die Wohnung nicht verlieren, wir sind zu dritt.",
  "schafhof", 39, ["WOH.DROH"], False, "resident")
q("Guten Tag, wir sind Familie mit 4 Kinder, wohnen in 2 Zimmer. Ich suche größere Wohnung, aber alle sagen nein. "
  "Was ist dieser Wohnberechtigung-Schein und wo bekomme ich?",
  "hoheleite", 35, ["WOH.SUCH"], False, "learner")
q("Seit einem halben Jahr wächst Schimmel im Kinderzimmer, der Vermieter sagt, wir lüften falsch, und antwortet nicht mehr "
  "auf Mails. Darf ich die Miete kürzen? Wer kennt sich mit so was aus?",
  None, None, ["WOH.MIET"], False, "resident")
q("Mein Chef zahlt seit zwei Monaten den Lohn nicht, immer mit neuen Ausreden. Ich putze für eine Reinigungsfirma auf "
  "Minijob. Kann ich das irgendwie einklagen?",
  None, 27, ["ARB.RECHT"], False, "resident")
q("Ich ziehe nächsten Monat endlich aus der Notunterkunft in eine eigene Wohnung, aber die ist komplett leer: kein Bett, "
  "kein Tisch, keine Waschmaschine. Gibt es irgendwo gebrauchte Möbel für wenig Geld?",
  "suedstadt", 45, ["VER.MOEB"], False, "resident")
q("Meine Mutter (79) hat von uns ein neues Handy bekommen und kommt gar nicht zurecht, sie will eigentlich nur mit den "
  "Enkeln videotelefonieren. Ich wohne weit weg. Gibt es in Zennfurt jemanden, der so was geduldig erklärt?",
  "altstadt", 79, ["ALL.DIGI"], False, "relative")
q("I'm 22 and came from Syria two years ago, I have a residence permit and a B1 German certificate. I want my school "
  "certificate recognised and start an apprenticeship, but I don't understand the letters from the authorities.",
  None, 22, ["MIG.MBE", "ARB.AUSB"], False, "english")
q("Mit 31 nochmal eine Ausbildung anfangen, geht das überhaupt? Ich hab nach dem Abi abgebrochen und jobbe seitdem in der "
  "Gastro. Wer berät mich da, und gibt es Geld während der Ausbildung?",
  "kreuzacker", 31, ["ARB.AUSB"], False, "resident")
q("Ich bin 30 und merke erst jetzt, wie sehr mich die Trinkerei meiner Mutter geprägt hat. Sie trinkt immer noch, und "
  "jedes Telefonat endet im Streit. Gibt es Beratung für erwachsene Kinder von Alkoholikern?",
  None, 30, ["SEE.ANG"], False, "resident")
q("Ich bin Klassenlehrerin einer 4. Klasse. Ein Junge (10) erzählt immer wieder, dass er abends seinen Vater ins Bett "
  "bringen muss, weil der \"wieder zu viel Bier\" hatte. Er wirkt müde, ist aber versorgt und sauber. Gibt es ein Angebot "
  "für Kinder in so einer Lage?",
  "unterzenn", 10, ["SEE.ANG"], False, "professional")
q("Mein Mann hat seit dem Schlaganfall Pflegegrad 3, ich pflege ihn allein. Jetzt schaffe ich das Waschen am Morgen nicht "
  "mehr, mein Rücken macht nicht mit. Wer kommt da ins Haus?",
  "ebersreuth", None, ["ALT.AMB"], False, "relative")
q("Oma (88) lebt allein in Dornach, schafft die Kellertreppe nicht mehr und vergisst ihre Tabletten. Wir Enkel wechseln "
  "uns ab, aber das geht nicht mehr lange gut. Gibt es einen Pflegedienst, der bis dorthin fährt, und so einen "
  "Notfallknopf?",
  "dornach", 88, ["ALT.AMB", "ALT.NOTR"], False, "relative")
q("Mein Vater erkennt mich manchmal nicht mehr, läuft nachts durch die Wohnung, und meine Mutter ist mit den Nerven am "
  "Ende. Wo kann sie sich beraten lassen und vielleicht mit anderen reden, denen es genauso geht?",
  "kreuzacker", None, ["ALT.DEM", "GES.SELB"], False, "relative")
q("Ich muss im März für drei Wochen ins Krankenhaus, Hüft-OP. In der Zeit kann niemand meine Frau versorgen, sie ist "
  "bettlägerig. Wir brauchen einen Kurzzeitpflegeplatz.",
  None, None, ["ALT.TAG"], False, "relative")
q("Wie macht man eigentlich eine Vorsorgevollmacht, damit nicht irgendein Fremder Betreuer wird, falls mir was passiert? "
  "Ich bin 67 und allein.",
  None, 67, ["ALT.BETR"], False, "resident")
q("Ich sitze seit einem Unfall im Rollstuhl (45 J.) und komme in meiner Wohnung nicht mehr ins Bad. Gibt es Beratung "
  "zum Umbau und Zuschüsse dafür?",
  "hagenbuch", 45, ["WOH.ANPA"], False, "resident")
q("ich bin 19 und schwanger, 8. woche, mein freund will nix davon wissen. weiß nicht ob ich das kind bekommen soll. "
  "meine eltern wissen noch nix",
  None, 19, ["FAM.SCHW"], False, "chat")
q("Unser Sohn ist sieben Wochen alt und schreit jeden Abend stundenlang. Mein Mann arbeitet Schicht, ich bin ständig "
  "allein und völlig erschöpft, die Nachsorge der Hebamme ist vorbei. Gibt es jemanden, der uns zu Hause unterstützt?",
  "hoheleite", 31, ["FAM.FRUEH"], False, "resident")
q("Mein Sohn (14) schwänzt seit Wochen die Schule, zockt die ganze Nacht, und wenn ich das WLAN abschalte, tritt er gegen "
  "die Türen. Ich komme nicht mehr an ihn ran.",
  "muehlanger", 14, ["FAM.ERZ", "SEE.GLUE"], False, "relative")
q("Wir trennen uns nach zwölf Jahren. Die Kinder sind 6 und 9. Eigentlich wollen wir es fair regeln, aber jedes Gespräch "
  "endet im Streit, vor allem wegen der Wochenenden.",
  None, None, ["FAM.TREN"], False, "resident")
q("Bin seit dem Sommer alleinerziehend mit Zwillingen (3), wohne in Unterzenn und kenne hier keinen. Würde gern andere "
  "in der gleichen Lage kennenlernen, Austausch, vielleicht mal gegenseitig die Kinder nehmen.",
  "unterzenn", 28, ["FAM.ALLE"], False, "resident")
q("Wir ziehen im Mai nach Zennfurt und brauchen ab September einen Krippenplatz für unsere Tochter (1). Wie läuft die "
  "Anmeldung?",
  "kreuzacker", 1, ["FAM.KITA"], False, "relative")
q("Wir sind ein paar Nachbarn aus Ebersreuth und wollen den alten Dorfplatz wiederbeleben: Bänke, ein Fest, vielleicht "
  "ein offener Bücherschrank. Gibt es Unterstützung von der Stadt oder jemanden, der so was begleitet?",
  "ebersreuth", None, ["GEM.QUAR"], False, "resident")
q("Bin seit Januar in Rente und habe Zeit. Würde gern was Sinnvolles machen, vielleicht mit Kindern oder mit älteren "
  "Leuten. Wo fängt man da an?",
  None, 65, ["GEM.EHRE"], False, "resident")
q("Trinke seit Corona jeden Abend eine Flasche Wein, manchmal mehr. Morgens zittern die Hände. Will was ändern, aber "
  "nicht gleich in die Klinik.",
  None, 49, ["SEE.SUCHT"], False, "resident")
q("Mein Bruder hat seit Monaten die Wohnung nicht verlassen und erzählt, dass die Nachbarn ihn über den Rauchmelder "
  "abhören. Zum Arzt will er nicht. Ich weiß nicht, wie ich an ihn rankomme.",
  "suedstadt", 34, ["SEE.PSY"], False, "relative")
q("Unsere Tochter (19) hat das Down-Syndrom und ist jetzt mit der Förderschule fertig. Wir wissen nicht, welche Hilfen "
  "ihr zustehen und ob es Arbeit außerhalb der Werkstatt gibt.",
  "schafhof", 19, ["BEH.BER", "ARB.BESCH"], False, "relative")
q("GdB-Antrag abgelehnt. Widerspruch? Wer hilft",
  None, 57, ["BEH.AUSW"], False, "chat")
q("Ich möchte deutsch lernen besser, ich habe A2. Ich arbeite in Küche am Morgen. Gibt es Kurs am Nachmittag oder Abend?",
  "muehlanger", 40, ["MIG.SPRA"], False, "learner")
q("Bescheid vom BAMF: Asylantrag abgelehnt, ich habe zwei Wochen Zeit. Ich verstehe nicht, was ich jetzt machen muss. "
  "Komme aus Afghanistan, wohne in der Unterkunft in Schafhof.",
  "schafhof", 24, ["MIG.FLUE"], False, "learner")
q("Verlaufsnotiz Hausbesuch Hohe Leite: Frau D., 54, alleinlebend, seit Oktober arbeitsunfähig (Depression, nach eigener "
  "Aussage in ambulanter Behandlung, keine Hinweise auf akute Gefährdung). Das Krankengeld endet im April, ein Antrag auf "
  "Erwerbsminderungsrente ist noch nicht gestellt. Die Post stapelt sich ungeöffnet im Flur, darunter mehrere Mahnungen "
  "und eine Zahlungserinnerung der Stadtwerke. Frau D. wünscht Unterstützung beim Sortieren und Beantworten der Post "
  "und will \"endlich wissen, wie viel Schulden es eigentlich sind\". Die Miete wird derzeit noch pünktlich gezahlt. "
  "Kontakt zur Tochter nur sporadisch, weitere Bezugspersonen nicht bekannt.",
  "hoheleite", 54, ["ALL.ANTR", "GEL.SCHULD"], False, "case_note")
q("Die Ärzte sagen, meine Frau hat noch wenige Wochen. Sie möchte zu Hause sterben, und ich will ihr das ermöglichen, "
  "aber ich habe Angst vor den Nächten.",
  "hagenbuch", None, ["GES.HOSP"], False, "relative")
q("Der Arzt sagt, ich soll mich mehr bewegen, wegen Blutdruck und Gewicht. Gibt es günstige Kurse für Anfänger? "
  "Ein Fitnessstudio kann ich mir nicht leisten.",
  None, 58, ["GES.PRAEV"], False, "resident")
q("Brauche Winterjacken für meine drei Kinder, die alten sind zu klein geworden. Geld ist diesen Monat knapp. "
  "Gibt es so was wie eine Kleiderkammer in der Nähe?",
  "dornach", None, ["VER.KLEID"], False, "resident")

q("Die Frau meines Bruders ist aus Eritrea gekommen und im siebten Monat schwanger. Sie spricht kaum Deutsch, und beim "
  "Frauenarzt versteht sie fast nichts. Außerdem haben die beiden noch gar nichts fürs Baby, kein Bettzeug, keinen "
  "Kinderwagen, keine Strampler.",
  "kreuzacker", None, ["VER.BABY", "MIG.DOLM"], False, "relative")

# ---- decoys (3) --------------------------------------------------------------------------------
q("Wann hat das Hallenbad in den Pfingstferien offen? Auf der Homepage finde ich nichts.",
  None, None, [], False, "decoy")
q("Suche Nachhilfe in Mathe für meinen Sohn, 8. Klasse Realschule, gern jemand aus der Altstadt, zahle 15 Euro die Stunde.",
  None, None, [], False, "decoy")
q("Wir suchen für unsere Hochzeit Ende Juli eine lange Tafel mit Bänken zum Ausleihen, etwa 40 Personen, Feier in Dornach.",
  "dornach", None, [], False, "decoy")


def main():
    rows = list(L)
    random.Random(49).shuffle(rows)
    with open(os.path.join(HERE, "situations.jsonl"), "w", encoding="utf-8") as f:
        for i, r in enumerate(rows, 1):
            out = {"id": f"zf{i:02d}", **r}
            f.write(json.dumps(out, ensure_ascii=False) + "\n")
    print(f"{len(rows)} situations, {sum(r['emergency'] for r in rows)} emergencies, "
          f"{sum(not r['needs'] for r in rows)} decoys, {sum(r['district'] is None for r in rows)} without district, "
          f"{sum(r['age'] is None for r in rows)} without age")


if __name__ == "__main__":
    main()
