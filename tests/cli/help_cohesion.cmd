help cohesion
