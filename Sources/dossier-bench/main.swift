print("dossier-bench: not written yet")
