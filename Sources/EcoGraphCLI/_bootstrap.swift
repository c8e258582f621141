enum _BootstrapEcoGraphCLI {}
