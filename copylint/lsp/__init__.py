"""The language server: copylint in editors that speak the Language Server Protocol."""
