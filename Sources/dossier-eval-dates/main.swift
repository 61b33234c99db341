print("dossier-eval-dates: not written yet")
