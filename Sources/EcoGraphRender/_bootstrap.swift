enum _BootstrapEcoGraphRender {}
