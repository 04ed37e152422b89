plot trajectory scenarios/g5-2026.yaml --forum G5 --model eum --issue trade
