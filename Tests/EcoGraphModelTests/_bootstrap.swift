enum _Bootstrap {}
