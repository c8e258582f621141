import EcoGraphCLI
EcoGraphCommand.main()
