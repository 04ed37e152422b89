design scenarios/g5-2026.yaml --candidates USA,CHN,RUS,IND,JPN,DEU,FRA,GBR,ITA,CAN,EU --size 5 --template G5 --top 10
