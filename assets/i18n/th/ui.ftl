# Language: Thai (th).
# Translated by: Myochart contributors, machine-assisted draft.
# Reviewed by a native speaker: no
