"""Capaian: planning, monitoring and evaluation of regional work plans (Renja) per Permendagri 86/2017."""
