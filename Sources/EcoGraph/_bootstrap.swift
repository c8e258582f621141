enum _BootstrapEcoGraph {}
