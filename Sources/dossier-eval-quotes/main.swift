print("dossier-eval-quotes: not written yet")
