plot issue scenarios/g7-kananaskis-2025.yaml --issue ukraine
