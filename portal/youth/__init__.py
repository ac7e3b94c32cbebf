"""youth"""
