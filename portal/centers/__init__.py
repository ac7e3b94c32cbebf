"""centers"""
