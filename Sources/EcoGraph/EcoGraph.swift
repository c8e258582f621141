// The API users import: the typed model and its files, plus the analyses of this module.
@_exported import EcoGraphIO
@_exported import EcoGraphModel
