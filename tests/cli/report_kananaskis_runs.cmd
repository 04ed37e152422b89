report scenarios/g7-kananaskis-2025.yaml --runs 20 | sed -n '/<h2>Outcome distributions/,/<h2>Outcome sheet/p'
