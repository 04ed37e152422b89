design scenarios/g5-2026.yaml --candidates USA,CHN,RUS,IND,JPN,DEU --size 3 --template G5 --runs 20 --seed 3 --format json --top 0 --threads 2
