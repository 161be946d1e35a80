# -*- coding: utf-8 -*-
"""50 hand-written situations for Brakenhorst.  Needs and emergency labelled by the writer brief.
`relevant` is NOT written here: gen.py computes it from the gold table in town_data.py."""

Q = []


def q(id_, district, age, needs, emergency, style, text):
    Q.append(dict(id=id_, situation=text, district=district, age=age, needs=list(needs), emergency=emergency,
                  style=style))


q("b01", "mitte", 58, ["GEL.SCHULD"], False, "resident",
  "Ich hab seit zwei Jahren immer mehr Schulden angehäuft, Kreditkarte, Handyvertrag, ein Ratenkredit fürs Auto, "
  "und jetzt schreibt auch noch ein Inkassobüro. Ich mach die Briefe inzwischen gar nicht mehr auf. Meine Frau weiß "
  "nichts davon. Gibt es hier in Brakenhorst jemanden, der sich das mal mit mir anschaut, ohne dass es wieder was "
  "kostet?")
q("b02", "drebbersdorf", 34, ["GEL.ENERG"], False, "chat",
  "hallo, die stadtwerke haben geschrieben das sie uns am 14. den strom abstellen wenn wir die 640 euro nachzahlung "
  "nicht überweisen. hab ich nicht. 2 kleine kinder, kühlschrank, herd, alles elektrisch. was kann ich machen???")
q("b03", "hollwede", 81, ["VER.MITTAG", "ALT.NOTR"], False, "relative",
  "Meine Mutter ist 81 und lebt allein in ihrem Haus in Hollwede. Kochen schafft sie nicht mehr richtig, mittags "
  "gibt es oft nur ein Butterbrot. Ich wohne in Oldenburg und kann nur am Wochenende kommen. Kann ihr jemand jeden "
  "Tag ein warmes Essen bringen? Und gibt es so ein Gerät zum Umhängen, falls sie mal stürzt und keiner es merkt?")
q("b04", "osterheide", 29, ["NOT.HGEW"], True, "resident",
  "Er hat mich heute Mittag wieder geschlagen, diesmal ins Gesicht, und gesagt, wenn ich abhaue, findet er mich "
  "überall. Die Kinder sind gerade bei meiner Schwester. Ich trau mich nicht mehr in die Wohnung zurück. Wo kann "
  "ich mit den Kindern heute Nacht hin, wo er uns nicht findet?")
q("b05", "mitte", 19, ["NOT.KRISE", "SEE.PSY"], True, "chat",
  "ich kann echt nicht mehr. seit der trennung schlaf ich nicht, ess kaum, alles fühlt sich leer an. hab schon "
  "tabletten zusammengesammelt und denk jeden abend drüber nach. keine ahnung warum ich das hier überhaupt schreibe")
q("b06", "suedstadt", 5, ["NOT.KSCH"], True, "professional",
  "Ich bin Erzieherin in einer Kita in der Südstadt. Ein Junge (5) kommt seit Wochen mit blauen Flecken an den "
  "Oberarmen, heute hat er beim Umziehen erzählt, Papa habe ihn gestern gegen die Heizung geschubst, und er will "
  "nicht abgeholt werden. Die Mutter wiegelt ab. Unsere Leitung ist krank. Wen muss ich beim Jugendamt anrufen, "
  "noch bevor er heute abgeholt wird?")
q("b07", "bahnhofsfeld", 31, ["MIG.SPRA", "MIG.MBE"], False, "learner",
  "Hallo, ich bin aus Syrien, 31 Jahre, jetzt habe ich Aufenthaltserlaubnis für 3 Jahre. Ich möchte Deutschkurs B1 "
  "machen weil ich will arbeiten als Elektriker. Wo kann ich anmelden? Und ich habe Brief von Ausländerbehörde "
  "bekommen, ich verstehe nicht was sie wollen. Wer kann helfen?")
q("b08", "mitte", 24, ["MIG.MBE"], False, "english",
  "Hi, I moved to Brakenhorst from Nigeria last year to join my husband. I'm 24 and my German is okay-ish (A2). "
  "I'm a trained nurse and want to know how to get my degree recognised here and what my residence permit allows "
  "me to do. Is there an advice service for newcomers like me?")
q("b09", "muehlenkamp", 40, ["SEE.LEB"], False, "short",
  "Paarberatung in Brakenhorst? Wir reden nur noch übers Nötigste und sonst streiten wir.")
q("b10", "hollwede", 14, ["FAM.JUG"], False, "chat",
  "gibts in hollwede noch was für jugendliche? der jugendraum in der alten schule ist seit monaten zu. nach "
  "osterheide komm ich abends nicht mit dem bus und im dorf ist sonst nix")
q("b11", "bahnhofsfeld", 44, ["ARB.VERM", "ARB.QUAL"], False, "case_note",
  "Gesprächsnotiz Quartiersbüro: Herr K., 44 J., seit Schließung der Spedition vor 2 Jahren arbeitslos, "
  "Bürgergeldbezug läuft. Möchte dringend wieder arbeiten, hat aber seit 20 Jahren keine Bewerbung mehr "
  "geschrieben, Unterlagen nur handschriftlich. War im Lager tätig, hat aber keinen Staplerschein, der in fast "
  "allen Anzeigen verlangt wird. Fragt, wer ihm bei den Bewerbungen hilft und wo er den Schein machen kann.")
q("b12", "drebbersdorf", None, ["GEM.QUAR", "GEM.EHRE"], False, "resident",
  "Wir sind ein paar Leute aus Drebbersdorf und wollen auf der Brachfläche hinter dem alten Gemeindehaus einen "
  "Dorfgarten mit Bank und Bücherschrank anlegen. Wer hilft uns, das mit der Stadt zu klären, vielleicht gibt es "
  "ja auch etwas Geld dafür? Und wie finden wir noch mehr Freiwillige, die mit anpacken?")
q("b13", "klein-ellern", 71, ["ALT.PFLB", "WOH.ANPA"], False, "resident",
  "Mein Mann (71) hat nach dem Schlaganfall jetzt Pflegegrad 3 bekommen. Ich weiß überhaupt nicht, was uns "
  "zusteht, Pflegegeld, Pflegedienst, Verhinderungspflege, die Begriffe schwirren mir nur so um den Kopf. "
  "Außerdem kommt er nicht mehr in die Badewanne, wir bräuchten wohl eine Dusche ohne Stufe. Wer berät uns da "
  "neutral, am liebsten bei uns zu Hause in Klein Ellern?")
q("b14", "suedstadt", 84, ["ALT.TAG", "ALT.DEM"], False, "relative",
  "Oma ist 84 und hat Demenz, manchmal erkennt sie meine Mutter nicht mehr. Mama pflegt sie allein, arbeitet noch "
  "halbtags und ist am Ende ihrer Kräfte. Gibt es eine Betreuung tagsüber, wo Oma hingebracht wird? Und irgendwo, "
  "wo Mama mit anderen reden kann, die das auch durchmachen?")
q("b15", "hollwede", 88, ["ALT.AMB"], False, "relative",
  "Suche Pflegedienst für meinen Vater (88) in Hollwede. Er braucht morgens und abends Hilfe mit den Tabletten und "
  "den Kompressionsstrümpfen, der Hausarzt hat das schon verordnet. Der Dienst, den wir angerufen haben, fährt "
  "angeblich nicht so weit raus.")
q("b16", "osterheide", 26, ["WOH.DROH"], False, "chat",
  "hab heute ne fristlose kündigung von der wohnungsgesellschaft bekommen wegen 3 monaten mietrückstand. wohn mit "
  "meiner freundin und unserem baby in der osterheide. müssen wir jetzt echt raus?? kann man da noch was machen")
q("b17", "bahnhofsfeld", 52, ["WOH.WLOS"], True, "resident",
  "Bin heute aus der Wohnung geräumt worden, der Gerichtsvollzieher war da, das Schloss ist getauscht. Ich stehe "
  "mit einer Sporttasche am Bahnhof. Freunde hab ich hier keine mehr. Wo kann ich heute Nacht schlafen? Bin 52 und "
  "hab keine Kraft mehr, draußen zu pennen.")
q("b18", "bahnhofsfeld", 16, ["MIG.UMF"], True, "professional",
  "Ich helfe ehrenamtlich im Sprachcafé. Am Bahnhof sitzt seit gestern ein Junge aus Eritrea, er sagt, er ist 16, "
  "ganz allein, die Eltern sind nicht in Deutschland. Er hat letzte Nacht im Wartehäuschen geschlafen und hat nur "
  "ein Handy ohne Guthaben. Wen muss ich anrufen, damit er heute Abend irgendwo unterkommt?")
q("b19", "mitte", 26, ["NOT.SEXG"], True, "resident",
  "Am Samstag auf einer Party hat mich ein Bekannter in ein Zimmer gezogen und gegen meinen Willen Sex mit mir "
  "gehabt. Ich habe niemandem etwas gesagt, auch nicht der Polizei, ich schäme mich so. Jetzt schreibt er mir "
  "ständig, und heute meinte er, er wisse ja, wo ich wohne. Ich hab Angst, allein nach Hause zu gehen. An wen kann "
  "ich mich wenden?")
q("b20", "suedstadt", 34, ["MIG.FLUE", "MIG.DOLM"], False, "professional",
  "Ich bin Lehrerin an der Grundschule Südstadt. Eine afghanische Familie aus meiner Klasse hat einen ablehnenden "
  "Bescheid vom BAMF bekommen. Der Vater (34) ist völlig verzweifelt und weiß nicht, ob sie klagen können oder was "
  "jetzt passiert. Er spricht nur Dari. Gibt es eine Beratung zum Asylverfahren und jemanden, der bei dem Gespräch "
  "übersetzen kann?")
q("b21", "muehlenkamp", 72, ["SEE.EINS", "ALT.SEN", "ALL.DIGI"], False, "resident",
  "Seit mein Mann letzten Herbst gestorben ist, rede ich manchmal tagelang mit keinem Menschen. Die Kinder wohnen "
  "in München und Hamburg. Ich würde so gern mal mit den Enkeln per Video telefonieren, aber das Tablet, das sie "
  "mir geschenkt haben, liegt nur rum, ich komm damit nicht klar. Gibt es Leute, die mal zu Besuch kommen? Und was "
  "gibt es hier im Mühlenkamp überhaupt für Ältere?")
q("b22", "osterheide", 45, ["GEM.TREFF", "SEE.EINS", "GES.SELB"], False, "resident",
  "Ich bin 45, seit der Reha wegen Depressionen krankgeschrieben und hocke nur noch in meiner Wohnung in der "
  "Osterheide. Ich würde gern mal wieder unter Leute, irgendwas Zwangloses, wo man einfach hingehen kann, ohne "
  "Anmeldung und ohne viel Geld. Meine Therapeutin meinte außerdem, eine Selbsthilfegruppe für Depression würde "
  "mir guttun. Gibt es sowas hier?")
q("b23", "klein-ellern", 24, ["SEE.SUCHT", "SEE.ANG"], False, "relative",
  "Mein Bruder ist 24, kifft seit der Schulzeit jeden Tag, und seit einem halben Jahr kommt Speed dazu. Er hat "
  "seine Ausbildung geschmissen und wohnt wieder bei unseren Eltern in Klein Ellern. Die sind total überfordert, "
  "Mama weint nur noch. Wo kann er sich beraten lassen, und gibt es auch was für meine Eltern?")
q("b24", "bahnhofsfeld", 10, ["SEE.ANG"], False, "professional",
  "Schulsozialarbeit GS Bahnhofsfeld: Ein Schüler (10) erzählt, dass seine Mutter oft 'krank im Bett' liegt und er "
  "sich dann um die kleine Schwester kümmert. Er sagt, es riecht dann immer nach Wein, und er schämt sich, Freunde "
  "mitzubringen. Die Versorgung der Kinder ist nach unserem Eindruck gesichert, der Vater ist abends da. Gibt es "
  "ein Gruppenangebot für Kinder in so einer Lage?")
q("b25", "suedstadt", 17, ["SEE.GLUE"], False, "chat",
  "mein sohn (17) zockt jede nacht bis 4 5 uhr, schule schwänzt er seit wochen. wenn ich das wlan abstelle rastet "
  "er komplett aus. neulich hab ich gesehen dass er auch auf so einer wettseite geld einzahlt. gibts da beratung "
  "für sowas??")
q("b26", "mitte", 67, ["GEL.GRUSI"], False, "resident",
  "Ich bin 67 und bekomme seit März meine Rente, 790 Euro. Davon gehen 520 für die Miete weg, dazu kommt noch "
  "Strom. Ich hab mein Leben lang gearbeitet, aber immer im Minijob oder in Teilzeit. Eine Nachbarin sagt, vom Amt "
  "gibt es da noch was dazu, wenn die Rente nicht reicht. Wo muss ich hin?")
q("b27", "drebbersdorf", None, ["GEL.WOGELD", "GEL.BUT"], False, "resident",
  "Wir sind zu viert in Drebbersdorf, mein Mann arbeitet Vollzeit im Lager, ich hab einen Minijob. Seit die Miete "
  "gestiegen ist, reicht es hinten und vorne nicht. Bürgergeld wollen wir eigentlich nicht. Gibt es einen Zuschuss "
  "zur Miete für Leute, die arbeiten? Und unsere Große soll im Mai mit auf Klassenfahrt nach Berlin, 320 Euro. "
  "Übernimmt das jemand?")
q("b28", "boekenholte", 15, ["FAM.HZE"], False, "relative",
  "Wir schaffen es mit unserer Tochter (15) nicht mehr. Sie kommt nachts nicht nach Hause, schwänzt die Schule, "
  "beschimpft uns, letzte Woche hat sie ihren Vater geschubst. Wir haben schon alles versucht. Ein Bekannter "
  "meinte, das Jugendamt könne eine Familienhilfe schicken oder sie eine Zeit lang in einer Wohngruppe "
  "unterbringen. Wie läuft das, an wen wenden wir uns?")
q("b29", "bahnhofsfeld", 28, ["GEL.BGELD"], False, "chat",
  "hab in der probezeit meinen job verloren. alg1 krieg ich nicht weil ich nur 8 monate da war. wie beantrag ich "
  "bürgergeld und geht das auch online? die miete ist am ersten fällig und ich hab nix gespart")
q("b30", "osterheide", 19, ["ARB.AUSB"], False, "resident",
  "Ich hab im Sommer endlich meinen Realschulabschluss nachgeholt, mit 19. Jetzt weiß ich nicht, was ich machen "
  "soll, irgendwas mit Technik vielleicht. Meine Bewerbungen als Kfz-Mechatroniker kamen alle zurück. Wer hilft "
  "mir, einen Ausbildungsplatz zu finden?")
q("b31", "mitte", 23, ["ARB.BESCH"], False, "professional",
  "Anfrage der rechtlichen Betreuerin: Herr P., 23, Lernbehinderung, Förderschulabschluss, zwei abgebrochene "
  "Maßnahmen auf dem ersten Arbeitsmarkt. Er möchte unbedingt arbeiten, ist aber mit Tempo und Druck überfordert. "
  "Gibt es in Brakenhorst eine Werkstatt mit Außenarbeitsplätzen oder einen Inklusionsbetrieb?")
q("b32", "klein-ellern", 53, ["BEH.AUSW"], False, "resident",
  "Nach meinem zweiten Herzinfarkt und mit dem Diabetes meinte mein Kardiologe, ich soll einen "
  "Schwerbehindertenausweis beantragen. Ich hab keine Ahnung, wie das geht und was der mir überhaupt bringt, bei "
  "der Arbeit oder bei der Steuer. Wer erklärt mir das?")
q("b33", "hollwede", 9, ["BEH.ASSI", "BEH.BER"], False, "relative",
  "Unser Sohn ist 9 und sitzt seit einem Unfall im Rollstuhl. Er geht auf die Grundschule in der Stadt, aber der "
  "Schulbus aus Hollwede hat keine Rampe. Wer kann ihn fahren? Und ganz ehrlich, wir blicken bei den ganzen "
  "Leistungen nicht durch, Eingliederungshilfe, persönliches Budget, wo beantragt man was?")
q("b34", "bahnhofsfeld", 41, ["ALL.STRAF", "WOH.SUCH"], False, "relative",
  "Mein Lebensgefährte (41) kommt in sechs Wochen nach drei Jahren aus der JVA. Er hat keine Wohnung mehr, und bei "
  "mir im Bahnhofsfeld kann er nicht einziehen, die Wohnung ist zu klein und die Vermieterin sagt nein. Wer "
  "bereitet so eine Entlassung mit ihm vor? Und wie kommt er an eine Sozialwohnung, braucht er dafür so einen "
  "Schein?")
q("b35", "muehlenkamp", 29, ["FAM.TREN", "FAM.ALLE"], False, "resident",
  "Seit der Trennung bin ich mit unserer Tochter (3) allein. Der Vater zahlt seit Januar keinen Unterhalt mehr und "
  "meldet sich nicht. Ich weiß nicht, wie ich an das Geld komme. Und mir fehlt total der Kontakt zu anderen "
  "Alleinerziehenden, meine Freundinnen haben alle keine Kinder.")
q("b36", "mitte", 1, ["FAM.KITA"], False, "resident",
  "Wir ziehen im Juni nach Brakenhorst in die Innenstadt und brauchen ab August einen Krippenplatz für unsere "
  "Tochter, sie ist dann gut ein Jahr alt. Ich fange wieder an zu arbeiten. Wie und wo melden wir sie an, und gibt "
  "es auch Tagesmütter?")
q("b37", "osterheide", None, ["FAM.ERZ", "FAM.BILD"], False, "chat",
  "mein 4 jähriger hat jeden tag wutanfälle, schmeißt sich im supermarkt auf den boden, haut seine schwester. ich "
  "schrei nur noch rum und fühl mich danach mies. gibts da beratung oder so nen kurs wo man lernt wie man ruhig "
  "bleibt?")
q("b38", "suedstadt", 22, ["FAM.SCHW"], False, "resident",
  "Ich bin in der 7. Woche schwanger, total ungeplant, mein Freund hat Schluss gemacht, als ich es ihm gesagt habe. "
  "Ich weiß nicht, ob ich das Kind bekommen kann, ich bin mitten in der Ausbildung. Ich glaube, ich brauche so "
  "einen Beratungsschein, aber eigentlich will ich erstmal nur mit jemandem reden, der mich nicht verurteilt.")
q("b39", "drebbersdorf", 27, ["VER.BABY", "FAM.FRUEH"], False, "learner",
  "Guten Tag, ich bekomme mein Baby im Mai, das erste. Wir haben kein Geld für Kinderwagen und Kleidung für Baby, "
  "mein Mann macht noch Sprachkurs. Wo kann man bekommen gratis oder billig? Auch ich habe Angst, meine Familie ist "
  "nicht hier, wer kann helfen wenn das Baby ist da und ich weiß nicht was machen?")
q("b40", "drebbersdorf", 66, ["VER.TAFEL"], False, "resident",
  "Gibt es in Drebbersdorf noch eine Tafel? Früher war die Ausgabe montags im Gemeindehaus, aber da ist jetzt immer "
  "zu. Ich hab kein Auto, und mit meiner Rente komm ich am Monatsende nicht mehr hin.")
q("b41", "suedstadt", None, ["VER.MOEB", "VER.KLEID"], False, "chat",
  "brauchen dringend ein bett für den großen, der schläft seit wochen auf ner matratze am boden, und winterjacken "
  "für beide kinder. geld ist bis zum ersten komplett weg. gibts in der südstadt sowas wie ne kleiderkammer??")
q("b42", "osterheide", 33, ["NOT.MANN"], True, "english",
  "I'm a dad, 33, living in Osterheide. Last night during an argument I nearly hit my wife, I punched the wall "
  "right next to her instead. It's the second time this month that I lost it, and I'm scared of what I could do "
  "next time. Is there anyone men can talk to about this, in English or German?")
q("b43", "muehlenkamp", 46, ["SEE.PSY", "WOH.BEWO"], False, "case_note",
  "Aktennotiz Quartiersarbeit Mühlenkamp: Frau M., 46, alleinlebend, seit dem Tod der Mutter vor einem Jahr "
  "zunehmend zurückgezogen. Post stapelt sich ungeöffnet, Wohnung stark vermüllt. Äußert, die Nachbarn würden sie "
  "über die Steckdosen abhören. Keine Suizidäußerungen, keine Fremdgefährdung erkennbar. Keine ärztliche Anbindung. "
  "Gesucht wird eine Stelle, die aufsuchend tätig wird und eine psychiatrische Anbindung herstellt; außerdem bitte "
  "klären, wer sie im Alltag in der eigenen Wohnung begleiten kann (Post, Haushalt, Arzttermine).")
q("b44", "klein-ellern", 43, ["ALL.ANTR", "ALL.SOZB"], False, "resident",
  "Ich sitze hier vor dem Weiterbewilligungsantrag, einem Brief von der Rentenversicherung und einem von der "
  "Krankenkasse und versteh nur Bahnhof. Lesen fällt mir schwer, ehrlich gesagt. Ich weiß nicht mal, welches Amt "
  "für was zuständig ist. Gibt es jemanden, der das mit mir zusammen durchgeht?")
q("b45", "boekenholte", 17, ["NOT.HGEW"], True, "chat",
  "mein freund hat mich gestern gewürgt weil ich mit nem anderen geschrieben hab. er ist 19 und wartet jeden tag "
  "nach der schule auf mich. heute hat er geschrieben wenn ich schluss mach passiert was. ich hab voll angst, meine "
  "eltern wissen nix davon")
q("b46", "suedstadt", 38, ["ARB.RECHT"], False, "resident",
  "Mein Chef im Restaurant hat mir seit zwei Monaten keinen Lohn mehr gezahlt, immer heißt es 'nächste Woche'. "
  "Einen schriftlichen Vertrag hab ich nie bekommen. Jetzt sagt er, ich soll froh sein, dass ich überhaupt Arbeit "
  "habe. Wie komme ich an mein Geld?")
q("b47", "klein-ellern", 69, ["GES.HOSP"], False, "relative",
  "Meine Frau (69) hat Bauchspeicheldrüsenkrebs im Endstadium und möchte zu Hause sterben, nicht im Krankenhaus. "
  "Ich will ihr das ermöglichen, aber ich hab Angst vor den Nächten und davor, allein zu sein, wenn es soweit ist. "
  "Gibt es Leute, die uns auf diesem letzten Weg begleiten?")
q("b48", "mitte", None, [], False, "resident",
  "Für unsere Grundschulklasse suchen wir eine gebrauchte Tafel mit Ständer, gerne auch ein Whiteboard. Weiß "
  "jemand, wo man sowas in Brakenhorst günstig herbekommt?")
q("b49", "drebbersdorf", None, [], False, "short",
  "kennt wer ne gute werkstatt in drebbersdorf? golf verliert öl")
q("b50", None, None, [], False, "short",
  "Wann hat das Bürgerbüro samstags auf? Muss meinen neuen Reisepass abholen.")

QUERIES = Q
