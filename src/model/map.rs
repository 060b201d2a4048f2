//! The neighbourhoods' shapes from `content/map.geojson`, as read: longitude
//! and latitude pairs. `render::map` projects them.

use super::NeighbourhoodId;

/// One ring of a polygon: a closed line of (longitude, latitude) points.
pub type Ring = Vec<[f64; 2]>;

/// A neighbourhood's shape: one or more polygons, each an outer ring and its holes.
#[derive(Debug, Clone)]
pub struct Shape {
    pub neighbourhood: NeighbourhoodId,
    pub polygons: Vec<Vec<Ring>>,
}

#[derive(Debug, Clone, Default)]
pub struct SiteMap {
    pub shapes: Vec<Shape>,
    /// The collection's `description`, shown under the map: such as "schematic, not real boundaries".
    pub note: Option<String>,
}

impl SiteMap {
    pub fn has(&self, id: NeighbourhoodId) -> bool {
        self.shapes.iter().any(|s| s.neighbourhood == id)
    }
}
