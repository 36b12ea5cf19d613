// Permalink as a function: Eleventy compiles a string permalink again for every paginated page.
export default { permalink: (data) => `/${data.sectionYear.url}index.html` };
